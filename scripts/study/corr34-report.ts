import { reportAt, pointerAt } from '../../src/classify/corrections/source-pointer.js';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(reportAt(s)), JSON.stringify(pointerAt(s)), '::', s);

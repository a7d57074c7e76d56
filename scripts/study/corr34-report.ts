/** corr34 debug: `reportAt` and `pointerAt` on given sentences. Usage: npx tsx scripts/study/corr34-report.ts "SENTENCE" ... */
import { pointerAt, reportAt } from '../../src/classify/corrections/source-pointer.js';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(reportAt(s)), JSON.stringify(pointerAt(s)), '::', s);

import { describe, expect, it } from 'vitest';
import { readReplyLine } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 21b, round twelve (English news sites): shapes read without knowing the page. A phone view's reply arrow
// and the name answered, a line the page repeats under every post (it opens no section), a reply count with the
// toggle that shows the replies open under it, indentation that a close reading leaves unexplained, a staff role
// signing a note among the comments, the site's masthead repeated under its writer's name. The dumps are made up for
// these tests; the fixtures (widget-70..73, forum-13) hold the blind-labelled ones.
const ARTICLE = [
  'The Riverside Gazette',
  'Council approves new footbridge over the canal',
  'By Hal Jensen',
  'Dec 3, 2026',
  'The footbridge will link the station to the market square and open in 2028, the council said on Tuesday after a vote of 9 to 2.',
  'It will cost 4.2 million, of which the regional fund pays half.',
  '',
].join('\n');

describe('session 21b round twelve line shapes', () => {
  it('reads a heavy curved arrow and a name as a reply line, and not the name alone', () => {
    expect(readReplyLine(line('➦ Nadia Osei'))?.name).toBe('Nadia Osei');
    expect(readReplyLine(line('➥ bridge_watcher'))?.name).toBe('bridge_watcher');
    expect(readReplyLine(line('Nadia Osei'))).toBeNull();
  });

  it('reads a phone view whose replies keep only the arrow and the name answered', () => {
    const text = [
      ARTICLE,
      '6 Comments',
      'Sort by Newest',
      'Nadia Osei',
      '•',
      '3 hours ago',
      'Two million from the city for a bridge nobody asked for.',
      '4',
      'Reply',
      'Share ›',
      'Owen Pike',
      '➦ Nadia Osei',
      '•',
      '2 hours ago',
      'I asked for it. I walk round the basin twice a day.',
      '7',
      'Reply',
      'Share ›',
      'Lena Marsh',
      '•',
      '1 hour ago',
      'Will it take bikes?',
      '1',
      'Reply',
      'Share ›',
      'Nadia Osei',
      '➦ Owen Pike',
      '•',
      '40 minutes ago',
      'Fair enough, it is a long way round.',
      '2',
      'Reply',
      'Share ›',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Nadia Osei', null, false, 'Two million from the city for a bridge nobody asked for.'],
      ['Owen Pike', 0, false, 'I asked for it. I walk round the basin twice a day.'],
      ['Lena Marsh', null, false, 'Will it take bikes?'],
      ['Nadia Osei', 1, false, 'Fair enough, it is a long way round.'],
    ]);
  });

  it('keeps the first post under the sort tabs where a line repeated under every post follows it, and lists the replies a toggle shows open', () => {
    const text = [
      ARTICLE,
      'Comments (5)',
      'Newest',
      'Oldest',
      'Top rated',
      'Gary_R, Leeds, 3 hours ago',
      'Half of it is the regional fund, so it costs the town 2.1 million.',
      'Rate this',
      '▲ 20',
      '▼ 3',
      'Reply',
      '2 replies',
      'Hide replies',
      'Moira T, Otley, 2 hours ago',
      'Still our taxes, just collected elsewhere.',
      'Rate this',
      '▲ 11',
      '▼ 2',
      'Reply',
      'Dev Sharma, Ilkley, 2 hours ago',
      'And the maintenance is all ours.',
      'Rate this',
      '▲ 8',
      '▼ 0',
      'Reply',
      'Petra K, York, 1 hour ago',
      'Good news for the market traders.',
      'Rate this',
      '▲ 5',
      '▼ 1',
      'Reply',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Gary_R', null, false, 'Half of it is the regional fund, so it costs the town 2.1 million.'],
      ['Moira T', 0, false, 'Still our taxes, just collected elsewhere.'],
      ['Dev Sharma', 0, false, 'And the maintenance is all ours.'],
      ['Petra K', null, false, 'Good news for the market traders.'],
    ]);
  });

  it('reads replies nested by indentation under names whose footer gives the time last, signed by the masthead', () => {
    const text = [
      ARTICLE,
      'Discussion',
      '5 comments',
      'Sort by Oldest',
      'Mara Quinn',
      'Finally. The level crossing is a nightmare at rush hour.',
      'Reply · Like · 5h',
      '    Tobias Lang',
      '    It is a footbridge, the crossing stays.',
      '    Reply · Like · 4h',
      '        Mara Quinn',
      '        For cars, yes, but the walkers will use the bridge.',
      '        Reply · Like · 4h',
      'Hal Jensen',
      'The Riverside Gazette',
      'To clarify: the bridge will have lifts at both ends and a ramp on the market side.',
      'Reply · Like · 3h',
      '    Ines Varga',
      '    Thanks, that was my question.',
      '    Reply · Like · 2h',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Mara Quinn', null, false, 'Finally. The level crossing is a nightmare at rush hour.'],
      ['Tobias Lang', 0, false, 'It is a footbridge, the crossing stays.'],
      ['Mara Quinn', 1, false, 'For cars, yes, but the walkers will use the bridge.'],
      ['Hal Jensen', null, false, 'To clarify: the bridge will have lifts at both ends and a ramp on the market side.'],
      ['Ines Varga', 3, false, 'Thanks, that was my question.'],
    ]);
  });

  it('reads a staff role alone over a note among the comments as its signature', () => {
    const text = [
      ARTICLE,
      '4 Comments',
      'Sort: Newest',
      'kanalkid',
      'Dec. 03 2026 09:12 am',
      'Nine to two, and the two were the ones from the market ward.',
      '+3 ( +4 / -1 )',
      'Reply',
      'Report',
      'Admin',
      'Please keep to the subject of the footbridge. Posts about the mayor have been removed.',
      'barge_life',
      'Dec. 03 2026 10:40 am',
      'Will the boats still get under it?',
      '+2 ( +2 / -0 )',
      'Reply',
      'Report',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['kanalkid', null, false, 'Nine to two, and the two were the ones from the market ward.'],
      ['Admin', null, false, 'Please keep to the subject of the footbridge. Posts about the mayor have been removed.'],
      ['barge_life', null, false, 'Will the boats still get under it?'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { flattenTree, searchOrgs, type TreeNode } from '../../../screen/access/org-search.ts';

const tree: TreeNode = {
  code: 'D', name: '示范区', type: 'district', children: [
    { code: 'C1', name: '城关镇党委', type: 'committee', children: [
      { code: 'B1', name: '第一党支部', type: 'branch' },
      { code: 'B2', name: '东街社区党支部', type: 'branch' },
    ] },
  ],
};
const orgs = flattenTree(tree);
const codes = (q: string) => searchOrgs(orgs, q).map((o) => o.code);

describe('org search on the remote', () => {
  it('keeps each organisation\'s ancestors and pinyin initials', () => {
    expect(orgs.find((o) => o.code === 'B1')).toMatchObject({ ancestors: ['D', 'C1'], initials: 'dydzb' });
  });

  it.each([
    ['', []],
    ['党支部', ['B1', 'B2']],
    ['dydzb', ['B1']],
    ['DJ', ['B2']], // 东街: initials, case-insensitive
    ['c1', ['C1']],
    ['b', ['B1', 'B2']],
    ['城关', ['C1']],
    ['nothing', []],
  ])('%j → %j', (q, expected) => {
    expect(codes(q)).toEqual(expected);
  });
});

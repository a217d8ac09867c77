// The district scale's layout, after the largest published deployment: streets and towns with
// their villages and communities, district organs, schools, health, state and private
// enterprises, topped up with small 两新 branches to about 2,650 organisations.

import type { OrgRow } from '../../../shared/domain.ts';
import { NameBook, ORDINALS } from './names.ts';
import type { Rng } from './prng.ts';
import type { Tree, TreeBuilder } from './tree.ts';

export const DISTRICT_ORGS = 2650;
const VILLAGES = 167;
const COMMUNITIES = 103;
/** Villages and communities per region: streets (first half) are mostly communities. */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  for (let i = 0, left = total - out.reduce((a, b) => a + b, 0); left > 0; i++, left--) out[i % out.length]++;
  return out;
}

const BUREAUS = ['区委办公室', '区政府办公室', '区纪委监委', '区委组织部', '区委宣传部', '区委统战部', '区委政法委',
  '区人大常委会办公室', '区政协办公室', '区发展和改革局', '区教育局机关', '区科学技术局', '区民政局', '区司法局',
  '区财政局', '区人力资源和社会保障局', '区自然资源和规划分局', '区住房和城乡建设局', '区交通运输局', '区水利局',
  '区农业农村局', '区商务局', '区文化和广电旅游体育局', '区卫生健康局机关', '区退役军人事务局', '区应急管理局',
  '区审计局', '区市场监督管理局', '区统计局', '区医疗保障局', '区综合行政执法局', '区信访局', '区档案馆',
  '区人民法院', '区人民检察院', '区总工会', '团区委', '区妇联', '区残联', '区工商联', '区科协',
  '区机关事务管理局', '区大数据发展管理局', '区城市管理局', '区生态环境分局', '区税务局', '区公安分局', '区消防救援大队'];
const INSTITUTIONS = ['区图书馆', '区文化馆', '区博物馆', '区体育中心', '区融媒体中心', '区档案服务中心', '区公共资源交易中心',
  '区城市建设投资服务中心', '区农业技术推广中心', '区劳动人事争议仲裁院', '区不动产登记中心', '区青少年宫'];
const WORKSHOPS = ['第一车间', '第二车间', '第三车间', '技术研发', '质量管理', '营销服务', '行政后勤', '物流仓储'];

export function buildDistrictTree(b: TreeBuilder, rng: Rng, names: NameBook, districtName: string, streets: number): Tree {
  const regions = b.regionNames.length;
  const root = b.add(null, 'district', `${districtName}委`, null, null);
  const urban = () => rng.int(0, streets - 1);
  const villages = share(VILLAGES, b.regionNames.map((_, i) => (i < streets ? 1 : 6)));
  const communities = share(COMMUNITIES, b.regionNames.map((_, i) => (i < streets ? 7 : 1)));
  const regionCommittees: OrgRow[] = [];
  const bigLeft = { n: 12 };
  const sized = (lo: number, hi: number) => {
    if (bigLeft.n > 0 && rng.chance(0.05)) {
      bigLeft.n--;
      return [rng.int(52, 72), 1] as const;
    }
    return [rng.int(lo, hi), 0] as const;
  };

  for (let r = 0; r < regions; r++) {
    const rn = b.regionNames[r];
    const rc = b.add(root, 'committee', rn + (r < streets ? '党工委' : '党委'), 'government', r);
    regionCommittees.push(rc);
    for (let k = 0, n = rng.int(2, 3); k < n; k++) {
      b.branch(rc, `${rn}机关第${ORDINALS[k]}党支部`, 'government', r, 'government', rng.int(12, 30));
    }
    for (let v = 0; v < villages[r]; v++) {
      const place = names.place() + '村';
      if (rng.chance(0.28)) {
        const g = b.add(rc, 'general_branch', `${place}党总支`, 'village', r);
        for (let k = 0, n = rng.int(3, 5); k < n; k++) b.branch(g, `${place}第${ORDINALS[k]}党支部`, 'village', r, 'village', rng.int(15, 38));
      } else {
        const [size, big] = sized(22, 48);
        b.branch(rc, `${place}党支部`, 'village', r, 'village', size, big === 1);
      }
    }
    for (let c = 0; c < communities[r]; c++) {
      const place = names.community() + '社区';
      if (rng.chance(0.55)) {
        const g = b.add(rc, 'general_branch', `${place}党总支`, 'community', r);
        const n = rng.int(3, 6);
        for (let k = 0; k < n - 1; k++) b.branch(g, `${place}党总支第${ORDINALS[k]}支部`, 'community', r, 'community', rng.int(12, 36));
        const [size, big] = sized(20, 45);
        b.branch(g, `${place}党总支离退休党员支部`, 'community', r, 'retiree', size, big === 1);
      } else {
        b.branch(rc, `${place}党支部`, 'community', r, 'community', rng.int(18, 44));
      }
    }
    for (let k = 0; k < 2; k++) {
      b.branch(rc, `${rn}${ORDINALS[k]}号工业区企业联合党支部`, 'enterprise', r, 'enterprise', rng.int(14, 32));
    }
    for (let k = 0, n = rng.int(3, 5); k < n; k++) {
      b.branch(rc, `${names.social(rn.slice(0, 2))}党支部`, 'other', r, 'institution', rng.int(3, 9));
    }
  }

  const organs = b.add(root, 'committee', `${districtName}级机关工作委员会`, 'government', urban());
  for (const bureau of BUREAUS) {
    const r = urban();
    if (rng.chance(0.35)) {
      const g = b.add(organs, 'general_branch', `${bureau}党总支`, 'government', r);
      const n = rng.int(2, 3);
      for (let k = 0; k < n; k++) b.branch(g, `${bureau}第${ORDINALS[k]}党支部`, 'government', r, 'government', rng.int(10, 28));
      b.branch(g, `${bureau}离退休干部党支部`, 'government', r, 'retiree', rng.int(8, 24));
    } else {
      b.branch(organs, `${bureau}党支部`, 'government', r, 'government', rng.int(10, 38));
    }
  }

  const edu = b.add(root, 'committee', '区教育局党委', 'school', urban());
  for (let i = 0; i < 14; i++) {
    const r = rng.int(0, regions - 1);
    const school = names.school(names.place().slice(0, 2), rng.pick(['中学', '初级中学', '实验学校']));
    const g = b.add(edu, 'general_branch', `${school}党总支`, 'school', r);
    for (let k = 0, n = rng.int(2, 3); k < n; k++) b.branch(g, `${school}教工第${ORDINALS[k]}党支部`, 'school', r, 'school', rng.int(12, 28));
    b.branch(g, `${school}退休教师党支部`, 'school', r, 'retiree', rng.int(15, 36));
  }
  for (let i = 0; i < 34; i++) {
    const r = rng.int(0, regions - 1);
    b.branch(edu, `${names.school(names.place().slice(0, 2), '小学')}党支部`, 'school', r, 'school', rng.int(12, 34));
  }
  for (let i = 0; i < 22; i++) {
    const r = rng.int(0, regions - 1);
    b.branch(edu, `${names.school(names.place().slice(0, 2), '幼儿园')}党支部`, 'school', r, 'school', rng.int(3, 10));
  }

  const health = b.add(root, 'committee', '区卫生健康局党委', 'institution', urban());
  for (const hospital of ['区第一医院', '区第二医院', '区中医医院', '区妇幼保健院']) {
    const r = urban();
    const g = b.add(health, 'general_branch', `${hospital}党总支`, 'institution', r);
    for (const dept of ['行政', '内科', '外科', '医技', '护理'].slice(0, rng.int(3, 5))) {
      b.branch(g, `${hospital}党总支${dept}党支部`, 'institution', r, 'health', rng.int(12, 32));
    }
  }
  for (let r = 0; r < regions; r++) {
    b.branch(health, `${b.regionNames[r]}社区卫生服务中心党支部`, 'institution', r, 'health', rng.int(8, 22));
  }
  b.branch(health, '区疾病预防控制中心党支部', 'institution', urban(), 'health', rng.int(12, 26));

  const culture = b.add(root, 'committee', '区文化和广电旅游体育局党委', 'institution', urban());
  for (const inst of INSTITUTIONS) b.branch(culture, `${inst}党支部`, 'institution', urban(), 'institution', rng.int(6, 22));

  const soe = b.add(root, 'committee', '区国有资产管理服务中心党委', 'enterprise', urban());
  const trades = rng.shuffle(['城建', '交投', '水务', '文旅', '商贸', '产业投资', '农业发展', '公用事业']);
  for (let i = 0; i < trades.length; i++) {
    const r = rng.int(0, regions - 1);
    const company = `${districtName.slice(0, 2)}${trades[i]}${['集团有限公司', '有限公司'][i % 2]}`;
    const g = b.add(soe, 'general_branch', `${company}党总支`, 'enterprise', r);
    for (let k = 0, n = rng.int(3, 5); k < n; k++) b.branch(g, `${company}第${ORDINALS[k]}党支部`, 'enterprise', r, 'enterprise', rng.int(8, 26));
  }

  for (let i = 0; i < 12; i++) {
    const r = rng.int(streets, regions - 1);
    const company = names.enterprise();
    const c = b.add(root, 'committee', `${company}党委`, 'enterprise', r);
    const shops = rng.shuffle([...WORKSHOPS]).slice(0, rng.int(4, 7));
    for (const shop of shops) b.branch(c, `${company}${shop}党支部`, 'enterprise', r, 'enterprise', rng.int(10, 34));
    const g = b.add(c, 'general_branch', `${company}生产制造党总支`, 'enterprise', r);
    for (let k = 0, n = rng.int(2, 4); k < n; k++) b.branch(g, `${company}生产制造党总支第${ORDINALS[k]}支部`, 'enterprise', r, 'enterprise', rng.int(10, 30));
  }

  // 两新 organisations: small enterprise and social-organisation branches, under the street or
  // town where they sit or under the district's combined committee, until the count is reached.
  const combined = b.add(root, 'committee', `${districtName}非公有制经济组织和社会组织综合党委`, 'enterprise', urban());
  while (b.orgs.length < DISTRICT_ORGS) {
    const r = rng.int(0, regions - 1);
    const parent = rng.chance(0.7) ? regionCommittees[r] : combined;
    if (rng.chance(0.88)) {
      b.branch(parent, `${names.enterprise()}党支部`, 'enterprise', r, 'enterprise', rng.int(3, 16));
    } else {
      b.branch(parent, `${names.social(b.regionNames[r].slice(0, 2))}党支部`, 'other', r, 'institution', rng.int(3, 9));
    }
  }
  return b.finish();
}


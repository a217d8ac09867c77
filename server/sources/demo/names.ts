// Names that read like a real district: people, places, enterprises, schools. Invented from
// common characters, so any resemblance to a real village or company is a coincidence.

import type { Rng } from './prng.ts';

// The most common surnames, roughly in order of frequency; earlier ones are drawn more often.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤应竺俞虞裘屠'];
const GIVEN_M = [...'伟强军磊勇杰涛斌明超刚平辉鹏华飞鑫波宁建国志海峰东林成浩宇俊凯晨昊博文亮庆祥荣德福松伦盛'];
const GIVEN_F = [...'芳娜敏静丽艳娟霞燕玲婷雪琳颖慧红梅萍莉洁琴云倩露瑶佳欣怡璐月秀英兰凤珍素晶蕾'];
const MIDDLE_M = [...'建国志海晓小文明永春立伟子思嘉一俊亚金宏家'];
const MIDDLE_F = [...'晓小文秀佳子思雨嘉一梦亚丽春慧美'];

export function personName(rng: Rng, gender: 'M' | 'F', birthYear: number): string {
  const i = Math.floor(Math.pow(rng.next(), 1.8) * SURNAMES.length);
  const surname = SURNAMES[i];
  const pool = gender === 'M' ? GIVEN_M : GIVEN_F;
  // Two-character names were more common for those born before the 1980s.
  const twoChars = rng.chance(birthYear < 1980 ? 0.45 : 0.2);
  if (twoChars) return surname + rng.pick(pool);
  const middle = rng.pick(gender === 'M' ? MIDDLE_M : MIDDLE_F);
  let last = rng.pick(pool);
  while (last === middle) last = rng.pick(pool);
  return surname + middle + last;
}

const PLACE_A = [...'东西南北上下前后新大小高横石云章洪古凤龙金山溪江桥塘林湖浦港岭庄盛鄞望白青柳梅桃茅藕黄礼集望集'];
const PLACE_B = [...'家岙溪塘桥浦头岭山港墩湾埠渡河园亭池坝浜洋田畈碶'];
const COMMUNITY_A = ['望春', '南门', '月湖', '白云', '新芝', '华光', '丽园', '联丰', '段塘', '秀水', '翠柏', '安丰',
  '紫金', '明星', '文昌', '兴宁', '春晖', '锦绣', '长春', '和义', '迎凤', '泰康', '景安', '芦港', '高塘', '顺德'];
const COMMUNITY_B = ['', '', '', '新村', '花园', '家园', '苑', '东', '西', '南', '北'];
const BRANDS = [...'恒宏华东博瑞永天中金盛鑫达泰远丰信成安康海润嘉新德创亿诚锐力'];
const TRADES = ['机械', '电子', '模具', '纺织', '服饰', '塑业', '新材料', '汽车部件', '数控机床', '物流', '科技', '电器',
  '轴承', '包装', '建设', '化工', '医疗器械', '软件', '食品', '家居', '文具', '光电', '精密铸造', '环保'];
const SUFFIXES: readonly (readonly [string, number])[] = [['有限公司', 8], ['股份有限公司', 2], ['集团有限公司', 1]];
const SOCIAL = ['律师事务所', '会计师事务所', '物业服务有限公司', '行业协会', '商会', '社会工作服务中心', '养老服务中心'];

/** Hands out names that are unique within one district. */
export class NameBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (let i = 0; i < 50; i++) {
      const name = make();
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    // Practically unreachable; a numeral keeps the name unique rather than looping forever.
    let n = 2;
    const base = make();
    while (this.used.has(base + n)) n++;
    this.used.add(base + n);
    return base + n;
  }

  place(): string {
    return this.unique(() => this.rng.pick(PLACE_A) + this.rng.pick(PLACE_B));
  }
  community(): string {
    return this.unique(() => this.rng.pick(COMMUNITY_A) + this.rng.pick(COMMUNITY_B));
  }
  /** Two different auspicious characters, as company names have them. */
  private brand(): string {
    const a = this.rng.pick(BRANDS);
    let b = this.rng.pick(BRANDS);
    while (b === a) b = this.rng.pick(BRANDS);
    return a + b;
  }
  region(): string {
    return this.unique(() => this.rng.pick(PLACE_A) + this.rng.pick([...'桥塘浦江山溪湖门亭洋']));
  }
  enterprise(trade?: string): string {
    return this.unique(
      () => this.brand() + (trade ?? this.rng.pick(TRADES)) + this.rng.weighted(SUFFIXES),
    );
  }
  social(place: string): string {
    return this.unique(() => place + this.brand() + this.rng.pick(SOCIAL));
  }
  school(place: string, kind: string): string {
    return this.unique(() => place + kind);
  }
}

export const DISTRICT_NAMES = ['明州区', '甬江区', '鄞西区', '望海区', '临湖区', '清江区', '南塘区', '溪口区'];

export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

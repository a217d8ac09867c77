// The server's Chinese vocabulary, one copy for the feed, the reports and the exports:
// meeting kinds, light levels, organisation types, stages.

export const KIND_ZH: Record<string, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支部委员会会议',
  group_meeting: '党小组会',
  party_lesson: '党课',
  theme_day: '主题党日',
  org_life_meeting: '组织生活会',
  democratic_review: '民主评议党员',
  study: '理论学习',
};

export const LIGHT_ZH: Record<string, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' };

export const TYPE_ZH: Record<string, string> = { district: '区委', committee: '党（工）委', general_branch: '党总支', branch: '党支部' };

export const STAGE_ZH: Record<string, string> = { applicant: '入党申请人', activist: '入党积极分子', candidate: '发展对象' };

export const STATUS_ZH: Record<string, string> = { full: '正式党员', probationary: '预备党员' };

export const GENDER_ZH: Record<string, string> = { M: '男', F: '女', unknown: '未填写' };

export const CATEGORY_ZH: Record<string, string> = {
  village: '农村', community: '社区', enterprise: '企业', institution: '事业单位', government: '机关', school: '学校', other: '其他',
};

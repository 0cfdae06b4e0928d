import { CHECKLIST } from './district.js';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const year = { from: '2026-02-01', to: '2027-01-31' };
const autumn = { from: '2026-09-01', to: '2027-01-15' };

/**
 * The district's 2026 whitelist of social affairs entering campus: 14 categories, each with its lead
 * unit, policy basis, window and frequency per school per semester; plus the 12-item teacher-burden
 * list (教师减负清单). Published after the education work leading group approved it.
 */
export const WHITELIST_2026 = {
  year: 2026,
  schoolCapPerSemester: 6,
  leadTimeDays: 30,
  items: [
    {
      code: 'KP',
      name: '科普进校园',
      leadUnit: '区科学技术协会',
      basis: '《全民科学素质行动规划纲要（2021—2035年）》',
      content: '科普讲座、科技展品巡展',
      form: '讲座、展览',
      window: year,
      frequencyPerSemester: 2,
    },
    {
      code: 'FZ',
      name: '法治进校园',
      leadUnit: '区司法局',
      basis: '《青少年法治教育大纲》',
      content: '法治副校长讲座、模拟法庭',
      form: '讲座',
      window: year,
      frequencyPerSemester: 2,
    },
    {
      code: 'XF',
      name: '消防安全教育',
      leadUnit: '区消防救援支队',
      basis: '《中华人民共和国消防法》',
      content: '疏散演练、消防知识讲座',
      form: '演练',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'JT',
      name: '交通安全教育',
      leadUnit: '区公安分局交巡警支队',
      basis: '《中华人民共和国道路交通安全法》',
      content: '交通安全课',
      form: '讲座',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'JD',
      name: '禁毒教育',
      leadUnit: '区禁毒办',
      basis: '《中华人民共和国禁毒法》',
      content: '禁毒知识宣讲',
      form: '讲座、展览',
      scope: ['secondary', 'primary'],
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'WJ',
      name: '卫生健康教育',
      leadUnit: '区卫生健康委员会',
      basis: '《健康中国行动（2019—2030年）》',
      content: '传染病防控、近视防控',
      form: '讲座、筛查',
      window: year,
      frequencyPerSemester: 2,
    },
    {
      code: 'XL',
      name: '心理健康教育',
      leadUnit: '区卫生健康委员会',
      basis: '《全面加强和改进新时代学生心理健康工作专项行动计划》',
      content: '心理健康讲座与团体辅导',
      form: '讲座',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'GA',
      name: '国家安全教育',
      leadUnit: '区委国家安全委员会办公室',
      basis: '《中华人民共和国国家安全法》',
      content: '全民国家安全教育日主题活动',
      form: '讲座、展览',
      window: { from: '2026-03-15', to: '2026-04-30' },
      frequencyPerSemester: 1,
    },
    {
      code: 'FN',
      name: '防溺水教育',
      leadUnit: '区应急管理局',
      basis: '教育部《防溺水安全教育工作通知》',
      content: '防溺水专题教育',
      form: '讲座',
      scope: ['secondary', 'primary'],
      window: { from: '2026-04-01', to: '2026-09-30' },
      frequencyPerSemester: 1,
    },
    {
      code: 'SP',
      name: '食品安全教育',
      leadUnit: '区市场监督管理局',
      basis: '《中华人民共和国食品安全法》',
      content: '食品安全知识宣讲',
      form: '讲座',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'ST',
      name: '生态环保教育',
      leadUnit: '区生态环境局',
      basis: '《中华人民共和国环境保护法》',
      content: '垃圾分类、节水节能',
      form: '实践活动',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'WY',
      name: '文化艺术进校园',
      leadUnit: '区文化和旅游委员会',
      basis: '《关于全面加强和改进新时代学校美育工作的意见》',
      content: '高雅艺术、戏曲进校园演出',
      form: '演出',
      window: autumn,
      frequencyPerSemester: 1,
    },
    {
      code: 'TY',
      name: '体育进校园',
      leadUnit: '区体育局',
      basis: '《关于深化体教融合促进青少年健康发展的意见》',
      content: '体育项目推广与赛事',
      form: '赛事',
      window: year,
      frequencyPerSemester: 1,
    },
    {
      code: 'FY',
      name: '非遗进校园',
      leadUnit: '区文化和旅游委员会',
      basis: '《中华人民共和国非物质文化遗产法》',
      content: '非遗技艺展示与体验',
      form: '展示、体验',
      window: autumn,
      frequencyPerSemester: 1,
    },
  ],
  burdenList: [
    { code: 'JF-01', name: '与教育教学无关的填表报数', rule: '未经区教委统筹，任何单位不得直接向教师布置' },
    { code: 'JF-02', name: '重复报送的数据与材料', rule: '一数一源，已报数据不得重复索要' },
    { code: 'JF-03', name: '要求教师参加与教学无关的评比考核', rule: '清理后保留项目目录外一律不得开展' },
    { code: 'JF-04', name: '要求教师下载安装各类应用并打卡', rule: '不得以学校和教师为对象摊派' },
    { code: 'JF-05', name: '拉票、点赞、转发等网络任务', rule: '' },
    { code: 'JF-06', name: '抽调借用中小学教师', rule: '严格审批，原则上不得借用' },
    { code: 'JF-07', name: '社会事务进校园超出白名单', rule: '凡进必审，白名单外一律不得进校园' },
    { code: 'JF-08', name: '督查检查考核过多过频', rule: '统筹合并，同类事项一年不超过一次' },
    { code: 'JF-09', name: '要求教师承担招商、创城等非教育任务', rule: '' },
    { code: 'JF-10', name: '以留痕代替实绩，要求大量台账', rule: '' },
    { code: 'JF-11', name: '各类会议培训占用教学时间', rule: '原则上安排在非教学时间' },
    { code: 'JF-12', name: '要求教师参与校外单位的宣传推广', rule: '' },
  ],
  emergencyApprovals: [{ no: '高新教领〔2026〕7号', itemCode: 'XF', approvedOn: '2026-11-10' }],
};

/** The five "互" of 集团化办学 plus uplift of the weakest member; the roll-up keeps the weakest member weighing in. */
export const INDICATORS_2026 = {
  key: 'bundled-2026',
  version: 1,
  name: l('2026 年度集团化办学捆绑式考核指标体系', '2026 bundled assessment indicator system'),
  rollup: { rule: 'minWeighted', alpha: 0.3 },
  grades: [
    { grade: 'excellent', label: l('优秀', 'Excellent'), min: 90 },
    { grade: 'good', label: l('良好', 'Good'), min: 80 },
    { grade: 'pass', label: l('合格', 'Pass'), min: 60 },
    { grade: 'fail', label: l('不合格', 'Fail'), min: 0 },
  ],
  dimensions: [
    {
      key: 'cadre',
      name: l('干部互派', 'Cadre exchange'),
      weight: 0.15,
      indicators: [
        { key: 'cadre', name: l('干部交流任职人次', 'Cadres exchanged'), maxScore: 10, evidenceRequired: false },
      ],
    },
    {
      key: 'teacher',
      name: l('教师互访', 'Teacher exchange visits'),
      weight: 0.15,
      indicators: [
        { key: 'teacher', name: l('教师跨校交流与听评课', 'Teacher visits'), maxScore: 10, evidenceRequired: false },
      ],
    },
    {
      key: 'management',
      name: l('管理互促', 'Management co-improvement'),
      weight: 0.15,
      indicators: [
        {
          key: 'management',
          name: l('制度共建与管理诊断', 'Shared management'),
          maxScore: 10,
          evidenceRequired: false,
        },
      ],
    },
    {
      key: 'research',
      name: l('研教互动', 'Joint research and teaching'),
      weight: 0.15,
      indicators: [
        { key: 'research', name: l('联合教研与课题', 'Joint research'), maxScore: 10, evidenceRequired: false },
      ],
    },
    {
      key: 'resources',
      name: l('资源互享', 'Resource sharing'),
      weight: 0.15,
      indicators: [
        { key: 'resources', name: l('课程与场馆共享', 'Shared resources'), maxScore: 10, evidenceRequired: false },
      ],
    },
    {
      key: 'uplift',
      name: l('薄弱校提升', 'Weakest-member uplift'),
      weight: 0.25, // The weakest member's uplift must be shown by data (an evidence file per school); the others are described in the report.
      indicators: [
        { key: 'uplift', name: l('薄弱校质量提升幅度', 'Quality uplift'), maxScore: 10, evidenceRequired: true },
      ],
    },
  ],
};

export const CHECKLIST_DOC = { key: 'school-network', items: CHECKLIST };

/** Teaching-achievement rubric: three per school, three experts per submission, quotas per level (DOMAIN.md: 4 special, 5 first, 6 second). */
export const RUBRIC_2026 = {
  year: 2026,
  criteria: [
    { key: 'innovation', name: '创新性', maxScore: 30 },
    { key: 'practice', name: '实践检验效果', maxScore: 40 },
    { key: 'spread', name: '示范推广价值', maxScore: 30 },
  ],
  schoolQuota: 3,
  expertsPerSubmission: 3,
  outlierThreshold: 15,
  quotas: {
    achievement: [
      { level: 'special', count: 4 },
      { level: 'first', count: 5 },
      { level: 'second', count: 6 },
    ],
    course: [
      { level: 'first', count: 10 },
      { level: 'second', count: 20 },
    ],
  },
};

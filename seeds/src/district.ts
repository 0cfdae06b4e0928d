/**
 * The demo district, modelled on 重庆高新区: 17 education groups ("578": 5 secondary, 7 primary,
 * 5 kindergarten) over 54 schools. Names are plausible, not real institutions' records.
 */
export type GroupSeed = {
  key: string;
  name: string;
  kind: 'secondary' | 'primary' | 'kindergarten';
  schools: string[];
};

export const DISTRICT = { name: '重庆高新区公共服务局（教育）', shortName: '高新区教育局', code: 'GX' };

/** The first school of each group is its lead school (总校 / 牵头校). */
export const GROUPS: GroupSeed[] = [
  {
    key: 'S1',
    kind: 'secondary',
    name: '科学城第一中学教育集团',
    schools: ['科学城第一中学', '西永中学', '虎溪中学', '含谷中学'],
  },
  {
    key: 'S2',
    kind: 'secondary',
    name: '高新区实验中学教育集团',
    schools: ['高新区实验中学', '曾家中学', '白市驿中学'],
  },
  { key: 'S3', kind: 'secondary', name: '大学城中学教育集团', schools: ['大学城中学', '陈家桥中学', '土主中学'] },
  { key: 'S4', kind: 'secondary', name: '金凤中学教育集团', schools: ['金凤中学', '走马中学', '巴福中学'] },
  {
    key: 'S5',
    kind: 'secondary',
    name: '科学城第二中学教育集团',
    schools: ['科学城第二中学', '石板中学', '香炉山中学', '森林中学'],
  },
  {
    key: 'P1',
    kind: 'primary',
    name: '科学城第一小学教育集团',
    schools: ['科学城第一小学', '西永小学', '虎溪小学', '康居西城小学'],
  },
  { key: 'P2', kind: 'primary', name: '高新区实验小学教育集团', schools: ['高新区实验小学', '曾家小学', '含谷小学'] },
  {
    key: 'P3',
    kind: 'primary',
    name: '大学城第一小学教育集团',
    schools: ['大学城第一小学', '陈家桥小学', '赖家桥小学'],
  },
  { key: 'P4', kind: 'primary', name: '金凤小学教育集团', schools: ['金凤小学', '走马小学', '巴福小学'] },
  { key: 'P5', kind: 'primary', name: '白市驿小学教育集团', schools: ['白市驿第一小学', '白市驿第二小学', '石板小学'] },
  { key: 'P6', kind: 'primary', name: '树人小学教育集团', schools: ['科学城树人小学', '土主小学', '凤鸣山小学'] },
  { key: 'P7', kind: 'primary', name: '香炉山小学教育集团', schools: ['香炉山小学', '青木关小学', '华岩小学'] },
  {
    key: 'K1',
    kind: 'kindergarten',
    name: '科学城第一幼儿园教育集团',
    schools: ['科学城第一幼儿园', '西永幼儿园', '虎溪幼儿园'],
  },
  {
    key: 'K2',
    kind: 'kindergarten',
    name: '高新区实验幼儿园教育集团',
    schools: ['高新区实验幼儿园', '曾家幼儿园', '含谷幼儿园'],
  },
  {
    key: 'K3',
    kind: 'kindergarten',
    name: '大学城幼儿园教育集团',
    schools: ['大学城幼儿园', '陈家桥幼儿园', '赖家桥幼儿园'],
  },
  { key: 'K4', kind: 'kindergarten', name: '金凤幼儿园教育集团', schools: ['金凤幼儿园', '走马幼儿园', '巴福幼儿园'] },
  {
    key: 'K5',
    kind: 'kindergarten',
    name: '白市驿幼儿园教育集团',
    schools: ['白市驿幼儿园', '石板幼儿园', '土主幼儿园'],
  },
];

/** Outside bodies that ask to bring social affairs into schools. */
export const DEPARTMENTS = ['区科学技术协会', '区卫生健康委员会', '区消防救援支队'];

/**
 * Demo accounts the README, guides and browser tests rely on. `at` names a school, a group key, or the district.
 * The three powers (三权分立) sign in with two factors: in the demo they start enrolled with a fixed
 * authenticator secret (`totp`, base32) that `npm start` prints and the README lists — demo only, and
 * public, so never a protection; EDUFLOW_DEMO=0 installs enrol at their first sign-in.
 */
export const DEMO_USERS = [
  {
    username: 'admin',
    displayName: '王建国（教委管理员）',
    role: 'bureauAdmin',
    at: 'district',
    totp: 'CHBE5E5CDCWH5QY4Z7IGWQAY66UNVPO6',
  },
  { username: 'reviewer', displayName: '李文静（基教科）', role: 'bureauReviewer', at: 'district' },
  // A second bureau reviewer, so that all-of sign-off (会签) by two reviewers can be shown and tested.
  { username: 'reviewer2', displayName: '马俊（督导室）', role: 'bureauReviewer', at: 'district' },
  { username: 'lead1', displayName: '陈志远（集团总校长）', role: 'groupLead', at: 'group:S1' },
  { username: 'principal1', displayName: '刘晓燕（西永中学校长）', role: 'principal', at: 'school:西永中学' },
  { username: 'principal2', displayName: '张卫东（曾家中学校长）', role: 'principal', at: 'school:曾家中学' },
  { username: 'teacher1', displayName: '赵雨欣（西永中学教师）', role: 'teacher', at: 'school:西永中学' },
  { username: 'inspector1', displayName: '周强（网络安全检查员）', role: 'inspector', at: 'district' },
  { username: 'expert1', displayName: '孙丽华（评审专家）', role: 'expert', at: 'school:金凤中学' },
  { username: 'expert2', displayName: '吴海峰（评审专家）', role: 'expert', at: 'school:大学城中学' },
  { username: 'expert3', displayName: '郑敏（评审专家）', role: 'expert', at: 'school:科学城第一小学' },
  { username: 'dept1', displayName: '黄磊（区科协）', role: 'outsideDept', at: 'department:区科学技术协会' },
  {
    username: 'secadmin',
    displayName: '冯立（安全管理员）',
    role: 'securityAdmin',
    at: 'district',
    totp: 'OOFFQZ2CD2VH2GENPQL4FD2UF2SWIWXU',
  },
  {
    username: 'auditor',
    displayName: '何静（审计员）',
    role: 'auditor',
    at: 'district',
    totp: 'LO6JS2DUQCIGXY2EHNLEAK3FRKHXSHRO',
  },
] as const;

/** The 2026 security checklist used by the demo inspections, by the six classic layers. */
/**
 * The district's network-security checklist (等级保护 2.0 for schools), laid out by the six layers.
 * HOST-01 and DATA-01 are the items the demo's inspections find failing. A failed PHY-02 or PHY-03
 * needs its own site photo before findings are raised (evidenceRequired).
 */
export const CHECKLIST = [
  {
    code: 'PHY-01',
    layer: '物理安全',
    title: '机房门禁与出入登记',
    guidance: '机房设电子门禁，外来人员出入登记留存',
    evidence: '门禁记录、出入登记表',
  },
  {
    code: 'PHY-02',
    layer: '物理安全',
    title: '机房温湿度、消防与不间断电源',
    guidance: '配备气体灭火、UPS 与温湿度监控',
    evidence: '现场照片',
    evidenceRequired: true,
  },
  {
    code: 'PHY-03',
    layer: '物理安全',
    title: '网络设备与服务器上架上锁、标签清晰',
    guidance: '',
    evidence: '现场照片',
    evidenceRequired: true,
  },
  {
    code: 'NET-01',
    layer: '网络安全',
    title: '边界防火墙策略每季度复核',
    guidance: '最小开放端口，策略变更有审批',
    evidence: '策略导出、复核记录',
  },
  {
    code: 'NET-02',
    layer: '网络安全',
    title: '办公网、教学网、无线网分区隔离',
    guidance: '学生终端不得直达服务器区',
    evidence: '网络拓扑图',
  },
  {
    code: 'NET-03',
    layer: '网络安全',
    title: '上网行为审计与日志留存不少于 6 个月',
    guidance: '《网络安全法》第二十一条',
    evidence: '审计系统截图',
  },
  {
    code: 'HOST-01',
    layer: '主机安全',
    title: '服务器无弱口令、默认账户已停用',
    guidance: '口令长度≥8 位且含三类字符，90 天更换',
    evidence: '账户清单、口令策略截图',
  },
  {
    code: 'HOST-02',
    layer: '主机安全',
    title: '操作系统与数据库补丁及时更新',
    guidance: '高危漏洞 30 日内修复',
    evidence: '补丁记录',
  },
  { code: 'HOST-03', layer: '主机安全', title: '终端安装防病毒软件并统一管理', guidance: '', evidence: '管理平台截图' },
  {
    code: 'APP-01',
    layer: '应用安全',
    title: '校园应用系统完成等保定级备案',
    guidance: '二级系统每两年测评，三级系统每年测评',
    evidence: '备案证明、测评报告',
  },
  { code: 'APP-02', layer: '应用安全', title: '网站与公众号内容发布三审三校', guidance: '', evidence: '审核记录' },
  {
    code: 'APP-03',
    layer: '应用安全',
    title: '应用系统登录失败锁定与会话超时',
    guidance: '连续失败 5 次锁定',
    evidence: '配置截图',
  },
  {
    code: 'DATA-01',
    layer: '数据安全',
    title: '学生个人信息脱敏展示、最小化采集',
    guidance: '未成年人信息按敏感个人信息处理（《个人信息保护法》）',
    evidence: '页面截图、采集清单',
  },
  {
    code: 'DATA-02',
    layer: '数据安全',
    title: '重要数据定期备份并开展恢复演练',
    guidance: '每学期至少一次恢复演练',
    evidence: '备份与演练记录',
  },
  { code: 'DATA-03', layer: '数据安全', title: '数据对外提供经审批并签订协议', guidance: '', evidence: '审批单、协议' },
  {
    code: 'MGT-01',
    layer: '安全管理',
    title: '日志留存不少于 6 个月，应急预案每年演练',
    guidance: '',
    evidence: '演练记录、预案文本',
  },
  {
    code: 'MGT-02',
    layer: '安全管理',
    title: '信息资产清单完整并每学期更新',
    guidance: '含系统、设备、责任人',
    evidence: '资产清单',
  },
  { code: 'MGT-03', layer: '安全管理', title: '重要时期 24 小时值班值守', guidance: '', evidence: '值班表' },
  {
    code: 'MGT-04',
    layer: '安全管理',
    title: '网络安全责任制落实，签订责任书',
    guidance: '校长为第一责任人',
    evidence: '责任书',
  },
  {
    code: 'MGT-05',
    layer: '安全管理',
    title: '教职工网络安全培训每年不少于一次',
    guidance: '',
    evidence: '培训签到表',
  },
];

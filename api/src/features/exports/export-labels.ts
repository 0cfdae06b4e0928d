export { ROLE_ZH } from '../../auth/role-labels.js';

export const ORG_TYPE_ZH: Record<string, string> = {
  district: '区',
  group: '教育集团',
  school: '学校',
  department: '部门',
};
export const GROUP_KIND_ZH: Record<string, string> = { secondary: '中学', primary: '小学', kindergarten: '幼儿园' };
export const STATUS_ZH: Record<string, string> = { running: '进行中', completed: '已办结' };
export const PURPOSE_ZH: Record<string, string> = { act: '办理', review: '审核', escalation: '督办', sign: '加签' };
export const SEVERITY_ZH: Record<string, string> = { high: '高', medium: '中', low: '低' };
export const FINDING_STATUS_ZH: Record<string, string> = {
  open: '整改中',
  verifying: '待复核',
  returned: '退回重改',
  closed: '已整改',
};
export const OUTCOME_ZH: Record<string, string> = { success: '成功', denied: '拒绝', failed: '失败' };

export const REPORT_EXPORTS = ['security-inspection', 'bundled-assessment', 'campus-entry', 'teaching-award'] as const;
export const EXPORT_LISTS = [
  'instances',
  'tasks',
  'audit',
  'users',
  'orgs',
  'overview',
  'findings',
  ...REPORT_EXPORTS,
] as const;
export type TExportList = (typeof EXPORT_LISTS)[number];
export const LIST_TITLE_ZH: Record<TExportList, string> = {
  instances: '流程实例清单',
  tasks: '待办事项清单',
  audit: '审计日志',
  users: '用户清单',
  orgs: '组织机构清单',
  overview: '办理概况统计',
  findings: '网络安全检查整改问题台账',
  'security-inspection': '网络安全检查问题统计（分学校）',
  'bundled-assessment': '集团化办学捆绑式考核排名',
  'campus-entry': '社会事务进校园次数统计（分学校）',
  'teaching-award': '教学成果奖评审排名',
};

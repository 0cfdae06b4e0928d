import type { TRole } from '../engine.js';
import type { TLocalized } from '../errors.js';

export const ROLE_ZH: Record<TRole, string> = {
  bureauAdmin: '教委管理员',
  bureauReviewer: '教委科室审核人',
  groupLead: '集团总校长',
  principal: '校长',
  teacher: '教师',
  inspector: '网络安全检查员',
  expert: '评审专家',
  outsideDept: '校外单位',
  securityAdmin: '安全管理员',
  auditor: '审计员',
};

/** The same names in English, for messages that name a role (separation-of-duties refusals). */
export const ROLE_EN: Record<TRole, string> = {
  bureauAdmin: 'bureau admin',
  bureauReviewer: 'bureau reviewer',
  groupLead: 'group lead',
  principal: 'principal',
  teacher: 'teacher',
  inspector: 'inspector',
  expert: 'expert reviewer',
  outsideDept: 'outside department',
  securityAdmin: 'security admin',
  auditor: 'auditor',
};

export const roleLabel = (role: TRole): TLocalized => ({ 'zh-CN': ROLE_ZH[role], en: ROLE_EN[role] });

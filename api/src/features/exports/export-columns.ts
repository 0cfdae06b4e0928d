import type { TAuditEventRow } from '../../db/schema.js';
import type { TFinding } from '../findings/findings.types.js';
import type { TInstanceListItem } from '../instances/instances.types.js';
import type { TOrg } from '../orgs/orgs.types.js';
import type { TTaskItem } from '../tasks/tasks.types.js';
import type { TUserItem } from '../users/users.types.js';
import {
  FINDING_STATUS_ZH,
  GROUP_KIND_ZH,
  ORG_TYPE_ZH,
  OUTCOME_ZH,
  PURPOSE_ZH,
  ROLE_ZH,
  SEVERITY_ZH,
  STATUS_ZH,
} from './export-labels.js';
import { beijing, type TColumn } from './xlsx-writer.js';

export const INSTANCE_COLUMNS: TColumn<TInstanceListItem>[] = [
  { header: '名称', width: 30, value: (r) => r.title['zh-CN'] },
  { header: '流程', width: 22, value: (r) => r.definitionName['zh-CN'] },
  { header: '版本', width: 6, value: (r) => r.definitionVersion },
  { header: '申报单位', width: 24, value: (r) => r.requesterName },
  { header: '对象单位', width: 24, value: (r) => r.subjectName },
  { header: '当前环节', width: 16, value: (r) => r.stateName['zh-CN'] },
  { header: '状态', width: 10, value: (r) => STATUS_ZH[r.status] ?? r.status },
  { header: '结果', width: 12, value: (r) => r.outcome ?? '' },
  { header: '创建时间', width: 18, value: (r) => beijing(r.createdAt) },
  { header: '最近办理', width: 18, value: (r) => beijing(r.updatedAt) },
  { header: '编号', width: 38, value: (r) => r.id },
];

export const TASK_COLUMNS: TColumn<TTaskItem>[] = [
  { header: '名称', width: 30, value: (r) => r.title['zh-CN'] },
  { header: '流程', width: 22, value: (r) => r.definitionName['zh-CN'] },
  { header: '环节', width: 16, value: (r) => r.stateName['zh-CN'] },
  { header: '申报单位', width: 24, value: (r) => r.requesterName },
  { header: '类型', width: 8, value: (r) => PURPOSE_ZH[r.purpose] ?? r.purpose },
  { header: '办理期限', width: 18, value: (r) => beijing(r.dueAt) },
  { header: '是否超期', width: 10, value: (r) => (r.overdue ? '已超期' : '') },
  { header: '到达时间', width: 18, value: (r) => beijing(r.createdAt) },
  { header: '实例编号', width: 38, value: (r) => r.instanceId },
];

export const AUDIT_COLUMNS: TColumn<TAuditEventRow>[] = [
  { header: '序号', width: 8, value: (r) => r.seq },
  { header: '时间', width: 18, value: (r) => beijing(r.at) },
  { header: '操作人', width: 14, value: (r) => r.actorName ?? '' },
  { header: '操作', width: 24, value: (r) => r.action },
  { header: '对象类型', width: 14, value: (r) => r.entityType },
  { header: '对象编号', width: 38, value: (r) => r.entityId ?? '' },
  { header: '结果', width: 8, value: (r) => OUTCOME_ZH[r.outcome] ?? r.outcome },
  { header: '哈希', width: 66, value: (r) => r.hash },
];

export const USER_COLUMNS: TColumn<TUserItem>[] = [
  { header: '用户名', width: 16, value: (r) => r.username },
  { header: '姓名', width: 12, value: (r) => r.displayName },
  {
    header: '角色与单位',
    width: 48,
    value: (r) => r.roles.map((g) => `${ROLE_ZH[g.role]}（${g.orgName}）`).join('；'),
  },
  { header: '账户状态', width: 10, value: (r) => (r.disabled ? '已停用' : '正常') },
  { header: '须修改密码', width: 12, value: (r) => (r.mustChangePassword ? '是' : '否') },
  { header: '双因素认证', width: 12, value: (r) => (r.twoFactor ? '已启用' : '未启用') },
];

export const orgColumns = (names: Map<string, string>): TColumn<TOrg>[] => [
  { header: '类型', width: 10, value: (r) => ORG_TYPE_ZH[r.type] ?? r.type },
  { header: '名称', width: 28, value: (r) => r.name },
  { header: '简称', width: 14, value: (r) => r.shortName ?? '' },
  { header: '上级单位', width: 28, value: (r) => (r.parentId ? (names.get(r.parentId) ?? '') : '') },
  { header: '集团类别', width: 10, value: (r) => (r.groupKind ? (GROUP_KIND_ZH[r.groupKind] ?? r.groupKind) : '') },
  { header: '代码', width: 12, value: (r) => r.code ?? '' },
];

export type TOverviewRow = { workflow: string; state: string; count: number };
export const OVERVIEW_COLUMNS: TColumn<TOverviewRow>[] = [
  { header: '流程', width: 26, value: (r) => r.workflow },
  { header: '环节 / 指标', width: 22, value: (r) => r.state },
  { header: '数量', width: 10, value: (r) => r.count },
];

/** 整改问题台账: one row per finding, in the order and with the filters of the console's list. */
export const FINDING_COLUMNS: TColumn<TFinding>[] = [
  { header: '学校', width: 24, value: (r) => r.schoolName },
  { header: '检查轮次', width: 12, value: (r) => r.round },
  { header: '检查项编号', width: 12, value: (r) => r.itemCode },
  { header: '检查项', width: 30, value: (r) => r.title },
  { header: '层面', width: 10, value: (r) => r.layer },
  { header: '风险等级', width: 8, value: (r) => SEVERITY_ZH[r.severity] ?? r.severity },
  {
    header: '状态',
    width: 10,
    value: (r) =>
      (r.status === 'open' && r.rectifiedAt
        ? FINDING_STATUS_ZH.verifying
        : r.status === 'open' && r.returnedAt
          ? FINDING_STATUS_ZH.returned
          : FINDING_STATUS_ZH[r.status]) ?? r.status,
  },
  { header: '办理时限', width: 18, value: (r) => beijing(r.dueAt) },
  { header: '是否超期', width: 10, value: (r) => (r.overdue ? '已超期' : '') },
  { header: '督办时间', width: 18, value: (r) => (r.escalatedAt ? beijing(r.escalatedAt) : '') },
  { header: '重复问题', width: 8, value: (r) => (r.repeat ? '是' : '') },
  { header: '责令下线', width: 8, value: (r) => (r.offlineOrdered ? '是' : '') },
  { header: '整改通知书编号', width: 20, value: (r) => r.noticeNo ?? '' },
  { header: '检查实例编号', width: 38, value: (r) => r.instanceId },
];

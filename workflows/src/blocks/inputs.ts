import type { TDefinition, TFieldDef, TLocalizedText } from '../definition/schema.js';
import { allFields, formOf } from '../forms/field-access.js';
import { t } from '../text.js';

/** A problem with one parameter of a block, by the parameter's name (the validator prefixes the block's path). */
export type InputProblem = { param: string; message: TLocalizedText };

/** Where a block is declared: on the start, on a step, or on one action (transition) of a step. */
export type BlockSite =
  { at: 'start' } | { at: 'step'; state: string } | { at: 'action'; state: string; event: string };

const TYPES_OF: Record<string, TFieldDef['type'][]> = {
  number: ['number', 'score'],
  table: ['table'],
  choice: ['select', 'text'],
  people: ['multiselect'],
  text: ['text', 'textarea', 'select'],
  date: ['date', 'text'],
  flag: ['boolean'],
  any: [],
};
export type FieldKind = keyof typeof TYPES_OF;

const kindName: Record<FieldKind, TLocalizedText> = {
  number: t('数值', 'number'),
  table: t('表格', 'table'),
  choice: t('选择', 'choice'),
  people: t('多选', 'multi-select'),
  text: t('文本', 'text'),
  date: t('日期', 'date'),
  flag: t('是/否', 'yes/no'),
  any: t('任意', 'any'),
};

/** The field must exist on some form of the definition, of a fitting type. */
export function needField(
  def: TDefinition,
  param: string,
  name: string | undefined,
  kind: FieldKind = 'any',
): InputProblem[] {
  if (!name) return [];
  const field = allFields(def).get(name);
  if (!field) return [{ param, message: t(`字段「${name}」未在任何表单中定义`, `Field "${name}" is not on any form`) }];
  const types = TYPES_OF[kind];
  if (types.length && !types.includes(field.type))
    return [
      {
        param,
        message: t(
          `字段「${name}」须为${kindName[kind]['zh-CN']}类型`,
          `Field "${name}" must be a ${kindName[kind].en} field`,
        ),
      },
    ];
  return [];
}

/** A table field with these columns (e.g. the checklist's code, layer, title). */
export function needTable(
  def: TDefinition,
  param: string,
  name: string,
  columns: string[],
  state?: string | null,
): InputProblem[] {
  const field = state === undefined ? allFields(def).get(name) : formOf(def, state).fields.find((f) => f.name === name);
  const where =
    state === undefined
      ? t('任何表单', 'any form')
      : state === null
        ? t('发起表单', 'the start form')
        : t(
            `环节「${def.states[state]?.name['zh-CN'] ?? state}」的表单`,
            `the form of step "${def.states[state]?.name.en ?? state}"`,
          );
  if (!field)
    return [
      { param, message: t(`${where['zh-CN']}中没有表格字段「${name}」`, `${where.en} has no table field "${name}"`) },
    ];
  if (field.type !== 'table')
    return [{ param, message: t(`字段「${name}」须为表格`, `Field "${name}" must be a table`) }];
  const have = new Set((field.columns ?? []).map((c) => c.name));
  const missing = columns.filter((c) => !have.has(c));
  return missing.length
    ? [
        {
          param,
          message: t(
            `表格「${name}」缺少列：${missing.join('、')}`,
            `Table "${name}" lacks the column(s) ${missing.join(', ')}`,
          ),
        },
      ]
    : [];
}

/** A collect (分头填报) step whose part form has this field. */
export function needCollect(
  def: TDefinition,
  param: string,
  state: string,
  field?: { param: string; name: string; kind?: FieldKind; columns?: string[] },
): InputProblem[] {
  const s = def.states[state];
  if (!s) return [{ param, message: t(`环节「${state}」不存在`, `Step "${state}" does not exist`) }];
  if (s.kind !== 'collect')
    return [
      { param, message: t(`环节「${s.name['zh-CN']}」须为分头填报环节`, `Step "${s.name.en}" must be a collect step`) },
    ];
  if (!field) return [];
  if (field.columns) return needTable(def, field.param, field.name, field.columns, state);
  const f = (s.form?.fields ?? []).find((x) => x.name === field.name);
  if (!f)
    return [
      {
        param: field.param,
        message: t(
          `「${s.name['zh-CN']}」的表单中没有字段「${field.name}」`,
          `The form of "${s.name.en}" has no field "${field.name}"`,
        ),
      },
    ];
  const types = TYPES_OF[field.kind ?? 'any'];
  return types.length && !types.includes(f.type)
    ? [
        {
          param: field.param,
          message: t(
            `字段「${field.name}」须为${kindName[field.kind ?? 'any']['zh-CN']}类型`,
            `Field "${field.name}" must be a ${kindName[field.kind ?? 'any'].en} field`,
          ),
        },
      ]
    : [];
}

/** The block computes into a field: the step where it runs must be allowed to write it. */
export function needWritable(
  def: TDefinition,
  site: BlockSite,
  param: string,
  name: string | undefined,
): InputProblem[] {
  if (!name || site.at !== 'action') return needField(def, param, name);
  const own = formOf(def, site.state);
  const declared = own.permissions?.[name];
  const writable = declared
    ? declared === 'editable' || declared === 'required'
    : own.fields.some((f) => f.name === name);
  if (!allFields(def).has(name)) return needField(def, param, name);
  return writable
    ? []
    : [
        {
          param,
          message: t(
            `字段「${name}」在环节「${def.states[site.state]?.name['zh-CN'] ?? site.state}」不可编辑，模块无法写入`,
            `Field "${name}" is not editable in step "${def.states[site.state]?.name.en ?? site.state}", so the block cannot fill it`,
          ),
        },
      ];
}

/** A `findings` field of this mode (raise, rectify, verify). */
export function needFindings(
  def: TDefinition,
  param: string,
  name: string | undefined,
  mode: 'raise' | 'rectify' | 'verify',
): InputProblem[] {
  if (!name) return [];
  const field = allFields(def).get(name);
  const modeName = {
    raise: t('登记问题', 'raise'),
    rectify: t('整改清单', 'rectify'),
    verify: t('逐项复核', 'verify'),
  }[mode];
  return field?.type === 'findings' && field.findings?.mode === mode
    ? []
    : [
        {
          param,
          message: t(
            `字段「${name}」须为逐项问题字段（${modeName['zh-CN']}）`,
            `Field "${name}" must be a findings field (${modeName.en})`,
          ),
        },
      ];
}

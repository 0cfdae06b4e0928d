import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../types/contract';
import { ChecklistInput, isChecklist } from './checklist-input';
import { useFieldRefs } from './field-refs';
import { FindingsInput } from './findings/findings-input';
import { useLocalize } from './localized-text';
import { OrgSelect } from './org-select';
import { TableFieldInput } from './table-field-input';
import { WhitelistItemSelect } from './whitelist-item-select';

type InputProps = { field: FieldDef; disabled?: boolean; value?: unknown; onChange?: (value: unknown) => void };

/** The control for one schema field; Form.Item injects `value` / `onChange`. */
export function FormFieldInput({ field, disabled, value, onChange }: InputProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: localize(o.label) }));
  const placeholder = t('form.placeholder', { label: localize(field.label) });
  const common = { disabled, onChange, id: field.name };
  const holds = useFieldRefs()[field.name];
  if ((field.type === 'select' || field.type === 'multiselect') && holds === 'school' && !field.options?.length) {
    return (
      <OrgSelect
        id={field.name}
        disabled={disabled}
        value={value as string | string[]}
        onChange={onChange}
        multiple={field.type === 'multiselect'}
        placeholder={t('form.select', { label: localize(field.label) })}
      />
    );
  }
  // A whitelist item, named by its code (the campus-entry rule set reads it).
  if (holds === 'whitelistItem' && !field.options?.length) {
    return (
      <WhitelistItemSelect
        id={field.name}
        disabled={disabled}
        value={value as string}
        onChange={onChange}
        placeholder={t('form.select', { label: localize(field.label) })}
      />
    );
  }
  switch (field.type) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={value as string}
          rows={4}
          maxLength={field.maxLength}
          showCount={!!field.maxLength}
          styles={{ count: { position: 'static', textAlign: 'right' } }}
          placeholder={placeholder}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'number':
    case 'score':
      return (
        <InputNumber
          {...common}
          value={value as number}
          min={field.min}
          max={field.max}
          style={{ width: '100%' }}
          placeholder={placeholder}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          value={value as Dayjs | undefined}
          style={{ width: '100%' }}
          placeholder={t('form.pickDate')}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          value={value as string}
          options={options}
          allowClear
          placeholder={t('form.select', { label: localize(field.label) })}
        />
      );
    case 'multiselect':
      return (
        <Select
          {...common}
          value={value as string[]}
          mode="multiple"
          options={options}
          allowClear
          placeholder={t('form.select', { label: localize(field.label) })}
        />
      );
    case 'boolean':
      return (
        <Switch
          {...common}
          checked={value === true}
          checkedChildren={t('common.yes')}
          unCheckedChildren={t('common.no')}
        />
      );
    case 'table':
      if (isChecklist(field))
        return <ChecklistInput field={field} disabled={disabled} value={value} onChange={onChange} />;
      return <TableFieldInput field={field} disabled={disabled} value={value} onChange={onChange} />;
    case 'findings':
      return <FindingsInput field={field} disabled={disabled} value={value} onChange={onChange} />;
    case 'file':
      return (
        <Input
          {...common}
          value={value as string}
          placeholder={t('form.fileReference')}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    default:
      return (
        <Input
          {...common}
          value={value as string}
          maxLength={field.maxLength}
          placeholder={placeholder}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
  }
}

const RULE_TYPES: Partial<Record<FieldDef['type'], 'array' | 'number' | 'boolean'>> = {
  multiselect: 'array',
  table: 'array',
  findings: 'array',
  number: 'number',
  score: 'number',
  boolean: 'boolean',
};

/** Validation rules a person sees before the server checks again. */
export function useFieldRules(): (field: FieldDef, required?: boolean) => Rule[] {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (field, required) => {
    const label = localize(field.label);
    const rules: Rule[] = [];
    if (required ?? field.required) {
      // The rule's type must match the value: without it async-validator checks for a string, and a typed
      // number (a score) fails with the "required" message.
      rules.push({ required: true, message: t('form.required', { label }), type: RULE_TYPES[field.type] });
    }
    if (field.pattern) rules.push({ pattern: new RegExp(field.pattern), message: t('form.pattern', { label }) });
    // Required only when another field says so (a reason once 婉拒 is chosen), as the server checks it.
    const when = field.requiredWhen;
    if (when)
      rules.push(({ getFieldValue }) => ({
        validator: (_, value: unknown) =>
          getFieldValue(when.field) === when.equals && (value === undefined || value === null || value === '')
            ? Promise.reject(new Error(t('form.required', { label })))
            : Promise.resolve(),
      }));
    return rules;
  };
}

/** A labelled Form.Item for a schema field, converting dates to and from `YYYY-MM-DD`. */
export function FormFieldItem({
  field,
  required,
  disabled,
  helpAsText,
}: {
  field: FieldDef;
  required?: boolean;
  disabled?: boolean;
  /** Show the help under the field (a rubric's criterion says what it asks) rather than behind a tooltip. */
  helpAsText?: boolean;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rules = useFieldRules();
  const isDate = field.type === 'date';
  const help = field.help ? localize(field.help) : undefined;
  // A score says its range in its label (创新性（0–30 分）): the rubric's weight is what the expert scores against.
  const label =
    field.type === 'score' && field.min !== undefined && field.max !== undefined
      ? t('scoring.range', { label: localize(field.label), min: field.min, max: field.max })
      : localize(field.label);
  return (
    <Form.Item
      name={field.name}
      label={label}
      tooltip={helpAsText ? undefined : help}
      extra={helpAsText ? help : undefined}
      rules={rules(field, required)}
      dependencies={field.requiredWhen ? [field.requiredWhen.field] : undefined}
      getValueProps={isDate ? (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : v }) : undefined}
      normalize={isDate ? (v: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : v) : undefined}
    >
      <FormFieldInput field={field} disabled={disabled} />
    </Form.Item>
  );
}

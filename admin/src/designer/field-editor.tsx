import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_TYPES } from '@eduflow/workflows';
import { Button, Checkbox, Col, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { defaultFindings, FindingsFieldEditor } from './findings-field-editor';
import { LocalizedInput } from './localized-input';
import type { FieldIn } from './model';

type Option = { value: string; label: { 'zh-CN': string; en: string } };

function OptionsEditor({
  value,
  onChange,
  testId,
}: {
  value: Option[];
  onChange: (v: Option[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((o, i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input
            style={{ width: '30%' }}
            placeholder={t('designer.field.optionValue')}
            aria-label={t('designer.field.optionValue')}
            value={o.value}
            data-testid={testId ? `${testId}-${i}-value` : undefined}
            onChange={(e) => onChange(value.map((x, j) => (j === i ? { ...o, value: e.target.value } : x)))}
          />
          <Input
            style={{ width: '35%' }}
            placeholder={t('designer.lang.zh')}
            aria-label={t('designer.lang.in', { label: t('designer.field.optionLabel'), lang: t('designer.lang.zh') })}
            value={o.label['zh-CN']}
            data-testid={testId ? `${testId}-${i}-zh` : undefined}
            onChange={(e) =>
              onChange(value.map((x, j) => (j === i ? { ...o, label: { ...o.label, 'zh-CN': e.target.value } } : x)))
            }
          />
          <Input
            style={{ width: '35%' }}
            placeholder={t('designer.lang.en')}
            aria-label={t('designer.lang.in', { label: t('designer.field.optionLabel'), lang: t('designer.lang.en') })}
            value={o.label.en}
            onChange={(e) =>
              onChange(value.map((x, j) => (j === i ? { ...o, label: { ...o.label, en: e.target.value } } : x)))
            }
          />
          <Button
            icon={<DeleteOutlined />}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('designer.remove')}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        data-testid={testId ? `${testId}-add` : undefined}
        onClick={() =>
          onChange([
            ...value,
            {
              value: `opt${value.length + 1}`,
              label: { 'zh-CN': `选项${value.length + 1}`, en: `Option ${value.length + 1}` },
            },
          ])
        }
      >
        {t('designer.field.addOption')}
      </Button>
    </Space>
  );
}

const num = (v: number | null) => (v === null ? undefined : v);

/** Every setting of one form field: type, labels, help, validation, choices and table columns. */
export function FieldEditor({
  field,
  onChange,
  testId,
}: {
  field: FieldIn;
  onChange: (f: FieldIn) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const typeOptions = FIELD_TYPES.map((ft) => ({ value: ft, label: t(`designer.fieldTypes.${ft}`) }));
  const numeric = field.type === 'number' || field.type === 'score';
  const textual = field.type === 'text' || field.type === 'textarea';
  const columns = field.columns ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Row gutter={8}>
        <Col span={12}>
          <Typography.Text type="secondary">{t('designer.field.name')}</Typography.Text>
          <Input
            value={field.name}
            aria-label={t('designer.field.name')}
            data-testid={`${testId}-name`}
            onChange={(e) => onChange({ ...field, name: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
          />
        </Col>
        <Col span={12}>
          <Typography.Text type="secondary">{t('designer.field.type')}</Typography.Text>
          <Select
            style={{ width: '100%' }}
            value={field.type}
            aria-label={t('designer.field.type')}
            options={typeOptions}
            data-testid={`${testId}-type`}
            onChange={(type) =>
              onChange({
                ...field,
                type,
                findings: type === 'findings' ? (field.findings ?? defaultFindings()) : undefined,
                sumOf: type === 'score' ? field.sumOf : undefined,
              })
            }
          />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('designer.field.label')}</Typography.Text>
      <LocalizedInput
        label={t('designer.field.label')}
        value={field.label}
        onChange={(label) => onChange({ ...field, label })}
        testId={`${testId}-label`}
      />
      <Typography.Text type="secondary">{t('designer.field.help')}</Typography.Text>
      <LocalizedInput
        label={t('designer.field.help')}
        value={field.help}
        onChange={(help) => onChange({ ...field, help: help['zh-CN'] || help.en ? help : undefined })}
      />
      <Checkbox
        checked={field.required === true}
        data-testid={`${testId}-required`}
        onChange={(e) => onChange({ ...field, required: e.target.checked || undefined })}
      >
        {t('designer.field.required')}
      </Checkbox>
      {numeric && (
        <Space>
          <InputNumber
            addonBefore={t('designer.field.min')}
            aria-label={t('designer.field.min')}
            value={field.min}
            onChange={(v) => onChange({ ...field, min: num(v) })}
          />
          <InputNumber
            addonBefore={t('designer.field.max')}
            aria-label={t('designer.field.max')}
            value={field.max}
            onChange={(v) => onChange({ ...field, max: num(v) })}
          />
        </Space>
      )}
      {textual && (
        <Space wrap>
          <InputNumber
            addonBefore={t('designer.field.maxLength')}
            aria-label={t('designer.field.maxLength')}
            min={1}
            precision={0}
            value={field.maxLength}
            onChange={(v) => onChange({ ...field, maxLength: num(v) })}
          />
          <Input
            addonBefore={t('designer.field.pattern')}
            aria-label={t('designer.field.pattern')}
            value={field.pattern}
            onChange={(e) => onChange({ ...field, pattern: e.target.value || undefined })}
          />
        </Space>
      )}
      {field.type === 'score' && (
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={field.sumOf ?? []}
          aria-label={t('designer.field.sumOf')}
          placeholder={t('designer.field.sumOf')}
          onChange={(sumOf: string[]) => onChange({ ...field, sumOf: sumOf.length ? sumOf : undefined })}
          data-testid={`${testId}-sum-of`}
        />
      )}
      {field.type === 'findings' && field.findings && (
        <FindingsFieldEditor
          config={field.findings}
          onChange={(findings) => onChange({ ...field, findings })}
          testId={testId}
        />
      )}
      {(field.type === 'select' || field.type === 'multiselect') && (
        <>
          <Typography.Text type="secondary">{t('designer.field.options')}</Typography.Text>
          <OptionsEditor
            value={field.options ?? []}
            onChange={(options) => onChange({ ...field, options })}
            testId={`${testId}-option`}
          />
        </>
      )}
      {field.type === 'table' && (
        <>
          <Typography.Text type="secondary">{t('designer.field.columns')}</Typography.Text>
          {columns.map((c, i) => {
            const setCol = (next: typeof c) =>
              onChange({ ...field, columns: columns.map((x, j) => (j === i ? next : x)) });
            return (
              <div key={i} style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 8 }}>
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    style={{ width: '25%' }}
                    value={c.name}
                    aria-label={t('designer.field.columnName')}
                    onChange={(e) => setCol({ ...c, name: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
                  />
                  <Select
                    style={{ width: '25%' }}
                    value={c.type}
                    aria-label={t('designer.field.columnType')}
                    options={typeOptions.filter((o) => o.value !== 'table')}
                    onChange={(type) => setCol({ ...c, type })}
                  />
                  <Input
                    style={{ width: '22%' }}
                    value={c.label['zh-CN']}
                    aria-label={t('designer.lang.in', {
                      label: t('designer.field.columnLabel'),
                      lang: t('designer.lang.zh'),
                    })}
                    onChange={(e) => setCol({ ...c, label: { ...c.label, 'zh-CN': e.target.value } })}
                  />
                  <Input
                    style={{ width: '22%' }}
                    value={c.label.en}
                    aria-label={t('designer.lang.in', {
                      label: t('designer.field.columnLabel'),
                      lang: t('designer.lang.en'),
                    })}
                    onChange={(e) => setCol({ ...c, label: { ...c.label, en: e.target.value } })}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => onChange({ ...field, columns: columns.filter((_, j) => j !== i) })}
                    aria-label={t('designer.remove')}
                  />
                </Space.Compact>
                {c.type === 'select' && (
                  <OptionsEditor value={c.options ?? []} onChange={(options) => setCol({ ...c, options })} />
                )}
              </div>
            );
          })}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              onChange({
                ...field,
                columns: [
                  ...columns,
                  {
                    name: `col${columns.length + 1}`,
                    type: 'text',
                    label: { 'zh-CN': `列${columns.length + 1}`, en: `Column ${columns.length + 1}` },
                  },
                ],
              })
            }
          >
            {t('designer.field.addColumn')}
          </Button>
        </>
      )}
    </Space>
  );
}

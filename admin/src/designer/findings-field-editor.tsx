import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SEVERITIES } from '@eduflow/workflows';
import { Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { FieldIn } from './model';

type Config = NonNullable<FieldIn['findings']>;
type Raise = Extract<Config, { mode: 'raise' }>;
type Severity = Raise['severities'][number];

const DEFAULT_SEVERITIES: Severity[] = [
  { value: 'high', label: { 'zh-CN': '高风险', en: 'High' }, workdays: 5, offline: true },
  { value: 'medium', label: { 'zh-CN': '中风险', en: 'Medium' }, workdays: 10 },
  { value: 'low', label: { 'zh-CN': '低风险', en: 'Low' }, workdays: 20 },
];

/** A new findings field starts by raising against the `items` checklist with the usual three severities. */
export const defaultFindings = (): Config => ({ mode: 'raise', itemsField: 'items', severities: DEFAULT_SEVERITIES });

/**
 * 逐项问题 field settings: what this step does with the findings (登记 / 整改 / 复核), and for raising the
 * checklist it reads and the severities — each with the rectification time it pre-fills and whether it may
 * order the system offline. This is where a bureau sets its deadlines; no code knows them.
 */
export function FindingsFieldEditor({
  config,
  onChange,
  testId,
}: {
  config: Config;
  onChange: (c: Config) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const modes = (['raise', 'rectify', 'verify'] as const).map((m) => ({
    value: m,
    label: t(`designer.findings.${m}`),
  }));
  const setMode = (mode: Config['mode']) =>
    onChange(
      mode === 'raise'
        ? defaultFindings()
        : {
            mode,
            of: config.mode === 'raise' ? 'findings' : config.of,
            ...(mode === 'rectify' ? { evidence: 'required' as const } : {}),
          },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`${testId}-findings`}>
      <Typography.Text type="secondary">{t('designer.findings.mode')}</Typography.Text>
      <Select
        style={{ width: '100%' }}
        value={config.mode}
        aria-label={t('designer.findings.mode')}
        options={modes}
        onChange={setMode}
      />
      {config.mode === 'raise' ? (
        <>
          <Input
            addonBefore={t('designer.findings.itemsField')}
            aria-label={t('designer.findings.itemsField')}
            value={config.itemsField}
            onChange={(e) => onChange({ ...config, itemsField: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
          />
          <Typography.Text type="secondary">{t('designer.findings.severities')}</Typography.Text>
          {config.severities.map((s, i) => {
            const set = (next: Partial<Severity>) =>
              onChange({ ...config, severities: config.severities.map((x, j) => (j === i ? { ...x, ...next } : x)) });
            return (
              <Space key={i} wrap size={4} data-testid={`${testId}-severity-${i}`}>
                <Select
                  style={{ width: 96 }}
                  value={s.value}
                  aria-label={t('designer.findings.severity')}
                  options={SEVERITIES.map((v) => ({ value: v, label: t(`findings.severity.${v}`) }))}
                  onChange={(value) => set({ value })}
                />
                <Input
                  style={{ width: 96 }}
                  value={s.label['zh-CN']}
                  aria-label={t('designer.lang.in', {
                    label: t('designer.findings.severityLabel'),
                    lang: t('designer.lang.zh'),
                  })}
                  onChange={(e) => set({ label: { ...s.label, 'zh-CN': e.target.value } })}
                />
                <Input
                  style={{ width: 96 }}
                  value={s.label.en}
                  aria-label={t('designer.lang.in', {
                    label: t('designer.findings.severityLabel'),
                    lang: t('designer.lang.en'),
                  })}
                  onChange={(e) => set({ label: { ...s.label, en: e.target.value } })}
                />
                <InputNumber
                  style={{ width: 150 }}
                  min={1}
                  max={120}
                  precision={0}
                  value={s.workdays}
                  aria-label={t('designer.findings.workdays')}
                  addonAfter={t('findingItems.workdaysUnit')}
                  onChange={(v) => typeof v === 'number' && set({ workdays: v })}
                  data-testid={`${testId}-severity-${i}-workdays`}
                />
                <Checkbox
                  checked={s.offline === true}
                  onChange={(e) => set({ offline: e.target.checked || undefined })}
                >
                  {t('findingItems.offline')}
                </Checkbox>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('designer.remove')}
                  onClick={() => onChange({ ...config, severities: config.severities.filter((_, j) => j !== i) })}
                />
              </Space>
            );
          })}
          {config.severities.length < SEVERITIES.length && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                const free = DEFAULT_SEVERITIES.find((d) => !config.severities.some((s) => s.value === d.value));
                if (free) onChange({ ...config, severities: [...config.severities, free] });
              }}
            >
              {t('designer.findings.addSeverity')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Input
            addonBefore={t('designer.findings.of')}
            aria-label={t('designer.findings.of')}
            value={config.of}
            onChange={(e) => onChange({ ...config, of: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
          />
          {config.mode === 'rectify' && (
            <Checkbox
              checked={config.evidence !== 'optional'}
              onChange={(e) => onChange({ ...config, evidence: e.target.checked ? 'required' : 'optional' })}
            >
              {t('designer.findings.evidenceRequired')}
            </Checkbox>
          )}
        </>
      )}
    </Space>
  );
}

import { Alert, Card, Form, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { FieldDef } from '../../types/contract';
import { FormFieldItem } from '../form-field-input';
import { useLocalize } from '../localized-text';

const given = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A total and the criteria it sums (a score field's `sumOf`), shown as the rubric: each criterion with its
 * range and what it asks, then the total, added up as the person scores. The server adds and checks again.
 */
export function RubricFields({ total, criteria }: { total: FieldDef; criteria: FieldDef[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const form = Form.useFormInstance();
  const values = Form.useWatch((all: Record<string, unknown>) => criteria.map((c) => all[c.name]), form) as
    unknown[] | undefined;
  const complete = !!values && values.length === criteria.length && values.every(given);
  const sum = complete ? Math.round((values as number[]).reduce((a, b) => a + b * 100, 0)) / 100 : undefined;
  useEffect(() => {
    form.setFieldValue(total.name, sum);
  }, [form, total.name, sum]);
  const label = localize(total.label);
  return (
    <Card size="small" title={t('scoring.rubric')} style={{ marginBottom: 16 }} data-testid="rubric">
      <Alert type="info" showIcon message={t('scoring.rubricHint')} style={{ marginBottom: 12 }} />
      {criteria.map((c) => (
        <FormFieldItem key={c.name} field={c} required helpAsText />
      ))}
      {/* The total is the criteria's sum: kept in the form for the server, shown, never typed. */}
      <Form.Item
        name={total.name}
        hidden
        rules={[{ required: true, type: 'number', message: t('form.required', { label }) }]}
      />
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="rubric-total">
        {sum === undefined
          ? t('scoring.totalPending', { label })
          : t('scoring.total', { label, value: sum, max: total.max ?? '' })}
      </Typography.Text>
    </Card>
  );
}

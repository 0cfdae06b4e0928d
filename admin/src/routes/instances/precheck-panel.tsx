import { SafetyCertificateOutlined } from '@ant-design/icons';
import { startChecks } from '@eduflow/workflows';
import { Alert, Button, Form, type FormInstance, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { useLocalize } from '../../components/localized-text';
import { RuleReasons } from '../../components/rule-reasons';
import { useSubmit } from '../../hooks/use-submit';
import type { DefinitionDocument, PrecheckResult, StartInstanceBody } from '../../types/contract';

/** The automatic steps a new request of this definition passes through, with the rules each checks. */
function useStartChecks(definition: DefinitionDocument | undefined) {
  return useMemo(() => (definition ? startChecks(definition) : []), [definition]);
}

/** Before the form is filled: which rules the request will be checked against, and that 预检 runs them now. */
export function PrecheckHint({ definition }: { definition: DefinitionDocument | undefined }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const checks = useStartChecks(definition);
  return (
    <>
      {checks.map((c) => (
        <Alert
          key={c.state}
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="precheck-hint"
          message={t('precheck.hint', {
            step: localize(c.name),
            rules: c.rules.map((r) => localize(r.label)).join('、'),
          })}
        />
      ))}
    </>
  );
}

/**
 * Where the rules can be checked before filing: the automatic steps a new request passes through, named
 * by the rules their definition declares, and 预检 — the API runs the same checks without filing.
 * Shown only for workflows that declare automatic rules at their start.
 */
export function PrecheckPanel({
  definition,
  form,
  values,
}: {
  definition: DefinitionDocument | undefined;
  form: FormInstance;
  /** What the start would send: the same body the precheck runs on. */
  values: () => Promise<StartInstanceBody | null>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [result, setResult] = useState<PrecheckResult | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const checks = useStartChecks(definition);
  // Every change to the form re-renders this panel, so an answer to older values says it is stale.
  const current = Form.useWatch((all: unknown) => JSON.stringify(all), form);
  const send = useSubmit(
    async (body: StartInstanceBody, asked: string) => {
      setResult(await call(api.POST('/api/instances/precheck', { body })));
      setSent(asked);
    },
    { form },
  );
  const { pending: running, error, errorText } = send;
  if (checks.length === 0) return null;
  const stale = !!sent && sent !== current;
  const run = async () => {
    send.clearError();
    setResult(null);
    const asked = current ?? '';
    const body = await values();
    if (body) await send.submit(body, asked);
  };

  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="precheck">
      <Button
        icon={<SafetyCertificateOutlined />}
        onClick={() => void run()}
        loading={running}
        data-testid="precheck-run"
      >
        {t('precheck.button')}
      </Button>
      {result && (
        <Alert
          type={result.passes ? 'success' : 'warning'}
          showIcon
          data-testid="precheck-result"
          message={
            result.passes
              ? t('precheck.passes', { next: localize(result.next.name) })
              : t('precheck.fails', { count: result.reasons.length, next: localize(result.next.name) })
          }
          description={
            <>
              {!result.passes && <RuleReasons reasons={result.reasons} />}
              {stale && <Typography.Text type="secondary">{t('precheck.stale')}</Typography.Text>}
            </>
          }
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="precheck-error"
          message={t('precheck.failed')}
          description={errorText}
        />
      )}
    </Space>
  );
}

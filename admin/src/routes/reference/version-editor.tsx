import { Alert, Button, Drawer, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { useLocalize } from '../../components/localized-text';
import { StaleAlert } from '../../components/stale-alert';
import { useSubmit } from '../../hooks/use-submit';
import { blankContent, withoutEmptyOptionals } from './blank-content';
import { AwardRubricEditor } from './editors/award-rubric-editor';
import { ChecklistEditor } from './editors/checklist-editor';
import { IndicatorSystemEditor } from './editors/indicator-system-editor';
import { WhitelistEditor } from './editors/whitelist-editor';
import type { ReferenceDoc, ReferenceKind } from './reference-kinds';
import { placeServerErrors } from './server-errors-on-form';

const EDITORS: Record<ReferenceKind, () => React.JSX.Element> = {
  whitelists: WhitelistEditor,
  checklists: ChecklistEditor,
  'indicator-systems': IndicatorSystemEditor,
  'award-rubrics': AwardRubricEditor,
};

type Values = { name: string; content: Record<string, unknown> };

/**
 * 新建版本: a structured editor over a copy of the version being read. Published versions are
 * immutable, so saving always creates a new draft, `basedOn` the newest version the editor knew of: if
 * someone saved a newer one meanwhile, the API answers 409 and we offer to reload rather than fork their work.
 */
export function VersionEditor({
  kind,
  from,
  basedOn,
  open,
  onClose,
  onSaved,
  onReload,
}: {
  kind: ReferenceKind;
  from: ReferenceDoc | null;
  /** The newest version of `from`'s key when the editor opened (the copy may be of an older one, to restore it). */
  basedOn: string | undefined;
  open: boolean;
  onClose: () => void;
  onSaved: (doc: ReferenceDoc) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ message: string; unplaced: Array<[string, string]> } | null>(null);
  const [stale, setStale] = useState(false);
  // A refusal is placed on the cells it names (the rest listed under the alert); a newer version of the key, stale.
  const { submit: send, pending } = useSubmit(
    async (values: Values) =>
      onSaved(
        await call(
          api.POST('/api/reference/{kind}', {
            params: { path: { kind } },
            body: {
              name: values.name,
              content: withoutEmptyOptionals(kind, values.content),
              ...(basedOn ? { basedOn } : {}),
            },
          }),
        ),
      ),
    {
      onError: (err) => {
        if (err.code === 'VERSION_CONFLICT') return setStale(true);
        const { unplaced, first } = placeServerErrors(form, err, localize);
        if (first) form.scrollToField(first, { block: 'center' });
        setError({ message: err.localized ? localize(err.localized) : err.message, unplaced });
      },
    },
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    setStale(false);
    form.resetFields();
    form.setFields([
      { name: 'name', value: from?.name ?? '' },
      { name: 'content', value: structuredClone(from?.content ?? blankContent(kind)) },
    ]);
  }, [open, from, kind, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields?.[0]?.name;
      if (first) form.scrollToField(first, { block: 'center' });
      setError({ message: t('refedit.fixFields'), unplaced: [] });
      return;
    }
    // getFieldsValue(true) keeps what no cell edits (e.g. a whitelist's approvedBy), so a copy loses nothing.
    setError(null);
    // getFieldsValue(true) keeps what no cell edits (e.g. a whitelist's approvedBy), so a copy loses nothing.
    await send(form.getFieldsValue(true) as Values);
  };

  const Editor = EDITORS[kind];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(1320px, 96vw)"
      destroyOnHidden
      title={
        from
          ? t('refedit.titleFrom', { name: from.name, version: from.version })
          : t('refedit.titleNew', { kind: t(`reference.kinds.${kind}`) })
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('refedit.cancel')}</Button>
          <Button
            type="primary"
            loading={pending}
            onClick={() => void save()}
            data-testid="refedit-save"
            disabled={stale}
          >
            {t('refedit.save')}
          </Button>
        </Space>
      }
    >
      <div data-testid="refedit-drawer">
        <Typography.Paragraph type="secondary">{t('reference.newVersionHint')}</Typography.Paragraph>
        {stale && (
          <StaleAlert
            onReload={() =>
              void onReload().then(() => {
                setStale(false);
              })
            }
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="refedit-error"
            message={error.message}
            description={
              error.unplaced.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {error.unplaced.map(([path, msg]) => (
                    <li key={path}>
                      <Typography.Text code>{path}</Typography.Text> {msg}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item
            name="name"
            label={t('refedit.versionName')}
            rules={[{ required: true, whitespace: true, max: 120, message: t('reference.nameRule') }]}
            style={{ maxWidth: 560 }}
          >
            <Input />
          </Form.Item>
          <Editor />
        </Form>
      </div>
    </Drawer>
  );
}

import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../../api/client';
import { FindingsProvider, raiseConfigOf } from '../../../components/findings/findings-context';
import { FormFieldItem } from '../../../components/form-field-input';
import { ItemEvidenceProvider } from '../../../components/item-evidence/item-evidence-context';
import { useLocalize } from '../../../components/localized-text';
import { RubricFields } from '../../../components/scoring/rubric-fields';
import { useSubmit } from '../../../hooks/use-submit';
import { randomId } from '../../../lib/random-id';
import { type ApiError } from '../../../providers/http';
import type { AvailableEvent, EventResult, FieldDef, InstanceView } from '../../../types/contract';
import { partNames } from './collect-parts';
import { editableFields, fallbackField } from './field-catalogue';
import { MECHANIC_POSITION, MECHANIC_TO, MechanicFields, PART_USER } from './mechanic-fields';

type Props = {
  view: InstanceView;
  event: AvailableEvent | null;
  /** Values the dialog starts with (the school whose part a collector returns from its panel). */
  preset?: Values;
  fields: Map<string, FieldDef>;
  onClose: () => void;
  onDone: (result: EventResult) => void;
  onReload: () => void;
};
type Values = Record<string, unknown>;

const COMMENT = '__comment';
const SERVER_NAMES: Record<string, string> = {
  comment: COMMENT,
  to: MECHANIC_TO,
  position: MECHANIC_POSITION,
  userId: PART_USER,
};

/** The form fields an event asks for: everything editable when saving a draft, else what it requires, then what it also offers (`asks`). */
function fieldsFor(
  event: AvailableEvent,
  view: InstanceView,
  catalogue: Map<string, FieldDef>,
): Array<{ field: FieldDef; required: boolean }> {
  if (event.type === 'SAVE') return editableFields(view.form, catalogue).map((field) => ({ field, required: false }));
  if (event.mechanic) return [];
  // A part is the step's form: every field of it (an expert's comments too), those the step requires marked.
  if (event.type === 'SUBMIT_PART')
    return editableFields(view.form, catalogue).map((field) => ({
      field,
      required: event.requires.includes(field.name) || isCriterion(field, view.form?.fields ?? []),
    }));
  // A total asked for comes with the criteria it sums (a rubric), each to be scored; then what the move also offers (`asks`).
  const offered = (event.asks ?? []).filter((name) => !event.requires.includes(name));
  return [
    ...event.requires.flatMap((name) => {
      const field = catalogue.get(name) ?? fallbackField(name);
      const criteria = (field.sumOf ?? []).flatMap((c) => {
        const f = catalogue.get(c);
        return f ? [{ field: f, required: true }] : [];
      });
      return [...criteria, { field, required: true }];
    }),
    ...offered.map((name) => ({ field: catalogue.get(name) ?? fallbackField(name), required: false })),
  ];
}

/** A criterion of a required total (a rubric's): scored like the total itself. */
const isCriterion = (field: FieldDef, form: FieldDef[]) =>
  form.some((f) => f.required && f.sumOf?.includes(field.name));

/** The caller's own part at the current collect step, if they have one: a returned part is resubmitted from what was handed in. */
const ownPart = (view: InstanceView) => view.parts?.find((s) => s.current && s.scope === 'own')?.parts[0];

/** Splits the form's values into the event's data and comment. */
function toBody(event: AvailableEvent, values: Values, view: InstanceView) {
  const { [COMMENT]: rawComment, [MECHANIC_TO]: to, [MECHANIC_POSITION]: position, ...fieldValues } = values;
  const comment = typeof rawComment === 'string' && rawComment.trim() ? rawComment.trim() : undefined;
  const data = event.mechanic && event.type !== 'SAVE' ? { to, ...(position ? { position } : {}) } : fieldValues;
  return {
    type: event.type,
    data: Object.keys(data).length ? data : undefined,
    comment,
    expectedVersion: view.version,
  };
}

/** Fires one event with the version we saw: on a conflict it offers to reload, it never overwrites. */
export function EventModal({ view, event, preset, fields, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const idempotencyKey = useMemo(() => (event ? randomId() : ''), [event]);
  // A checklist the server refused by item (e.g. a failed item without its evidence) is shown here too, so the row can be fixed in place.
  const [refusedTables, setRefusedTables] = useState<FieldDef[]>([]);
  const asked = event ? fieldsFor(event, view, fields) : [];
  const listed = [
    ...asked,
    ...refusedTables
      .filter((f) => !asked.some((a) => a.field.name === f.name))
      .map((field) => ({ field, required: false })),
  ];
  // A findings field that raises item by item shows the checklist itself (results and findings together):
  // the checklist rides along in the form, not drawn twice.
  const carried = listed.flatMap(({ field }) =>
    field.findings?.mode === 'raise'
      ? [fields.get(field.findings.itemsField) ?? fallbackField(field.findings.itemsField)]
      : [],
  );
  const items = listed.filter(({ field }) => !carried.some((c) => c.name === field.name));
  // Criteria of a total in the dialog are drawn inside its rubric.
  const criteria = new Set(items.flatMap(({ field }) => field.sumOf ?? []));

  // The form is aria-busy until it holds the instance's values for this event: typed into earlier, they are reset.
  const [seededFor, setSeededFor] = useState<Props['event']>(null);
  useEffect(() => {
    if (!event) return;
    clearError();
    setRefusedTables([]);
    form.resetFields();
    // A part starts from what this school handed in before (a returned part), else from the rows the instance offers (an indicator system's).
    const prefill = event.type === 'SUBMIT_PART' ? view.partPrefill : null;
    const before = event.type === 'SUBMIT_PART' ? ownPart(view)?.data : undefined;
    form.setFields(
      [...items.map(({ field }) => field), ...carried].map((field) => ({
        name: field.name,
        value:
          before?.[field.name] ?? view.data[field.name] ?? (prefill?.field === field.name ? prefill.rows : undefined),
      })),
    );
    if (preset) form.setFields(Object.entries(preset).map(([name, value]) => ({ name, value })));
    setSeededFor(event);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);

  // What was sent, for the tables a refusal brings in (read in the same tick: a ref, not state).
  const lastValues = useRef<Values>({});
  // The server's field messages land on the dialog's own fields (by their names here), a comment it asked for
  // under the comment box, and a table the dialog does not show is brought in to show its rows' messages.
  const placeErrors = (err: ApiError) => {
    const known = new Set([
      COMMENT,
      MECHANIC_TO,
      MECHANIC_POSITION,
      PART_USER,
      ...items.map((i) => i.field.name),
      ...carried.map((f) => f.name),
    ]);
    const entries = Object.entries(err.fieldErrors).map(([name, msg]) => ({
      name: SERVER_NAMES[name] ?? name,
      errors: [localize(msg)],
    }));
    if (err.code === 'COMMENT_REQUIRED') entries.push({ name: COMMENT, errors: [localize(err.localized)] });
    form.setFields(entries.filter((f) => known.has(f.name)));
    // A findings field in the dialog shows its checklist rows' messages itself (evidence per finding).
    const shownByFindings = new Set(
      items.flatMap(({ field }) => {
        const raise = raiseConfigOf(field, fields);
        return raise ? [raise.itemsField] : [];
      }),
    );
    const tables = [...new Set(Object.keys(err.fieldErrors).map((k) => k.split('.')[0] ?? ''))].flatMap((name) => {
      const f = fields.get(name);
      return f?.type === 'table' && !known.has(name) && !shownByFindings.has(name) ? [f] : [];
    });
    if (tables.length) {
      setRefusedTables(tables);
      form.setFields(tables.map((f) => ({ name: f.name, value: lastValues.current[f.name] ?? view.data[f.name] })));
    }
  };
  const { submit, pending, error, errorText, clearError } = useSubmit(
    async (values: Values) => {
      if (!event) return;
      lastValues.current = values;
      const body = toBody(event, values, view);
      const result = await call(
        api.POST('/api/instances/{id}/events', {
          params: { path: { id: view.id }, header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      );
      onDone(result);
    },
    { onError: placeErrors },
  );

  const conflict = error?.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open={!!event}
      title={localize(event?.label) || event?.type}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={items.some((i) => i.field.type === 'table' || i.field.type === 'findings') ? 880 : 640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={pending}
          disabled={conflict}
          data-testid="event-submit"
          onClick={() => form.submit()}
        >
          {event?.type === 'SAVE' ? t('instances.saveOk') : t('instances.fireOk')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t('instances.fireHint', { subject: view.subject.name, state: localize(view.stateName) })}
      </Typography.Paragraph>
      {event?.blockedBy && !error && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('instances.blockedBy', { reason: localize(event.blockedBy.message) })}
          description={t('instances.blockedHint')}
        />
      )}
      {error && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="event-error"
          message={conflict ? t('instances.conflictTitle') : t('instances.fireFailed')}
          description={
            <Space direction="vertical">
              <span>{conflict ? t('instances.conflictDescription') : errorText}</span>
              {conflict && (
                <Button size="small" onClick={onReload}>
                  {t('instances.reload')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {/* The checklist inside attaches evidence per item and shows the server's per-item messages. */}
      <ItemEvidenceProvider
        instanceId={view.id}
        fieldErrors={error?.fieldErrors}
        alsoRequired={view.partPrefill?.evidenceRequired}
        mineOnly={event?.type === 'SUBMIT_PART'}
      >
        <FindingsProvider instanceId={view.id} data={view.data} fields={fields}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            disabled={pending || conflict}
            aria-busy={seededFor !== event}
          >
            {event && (
              <MechanicFields
                event={event}
                reviewStep={view.stateKind === 'review'}
                partNames={partNames(view, t('parts.unknownOrg'))}
              />
            )}
            {carried.map((field) => (
              <Form.Item key={field.name} name={field.name} hidden />
            ))}
            {items
              .filter(({ field }) => !criteria.has(field.name))
              .map(({ field, required }) =>
                field.sumOf ? (
                  <RubricFields
                    key={field.name}
                    total={field}
                    criteria={items.filter((i) => field.sumOf?.includes(i.field.name)).map((i) => i.field)}
                  />
                ) : (
                  <FormFieldItem key={field.name} field={field} required={required} />
                ),
              )}
            <Form.Item
              name={COMMENT}
              label={t('instances.comment')}
              rules={
                event?.commentRequired
                  ? [{ required: true, whitespace: true, message: t('instances.commentRequired') }]
                  : []
              }
            >
              <Input.TextArea
                rows={3}
                maxLength={1000}
                showCount
                placeholder={
                  event?.commentRequired ? t('instances.commentRequiredPlaceholder') : t('instances.commentPlaceholder')
                }
              />
            </Form.Item>
          </Form>
        </FindingsProvider>
      </ItemEvidenceProvider>
    </Modal>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { useInvalidate, useOne } from '@refinedev/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorResult } from '../../components/error-result';
import { FieldRefsProvider } from '../../components/field-refs';
import { FindingsCard } from '../../components/findings/findings-card';
import { FindingsProvider } from '../../components/findings/findings-context';
import { ItemEvidenceProvider } from '../../components/item-evidence/item-evidence-context';
import { useLocalize } from '../../components/localized-text';
import { reasonsLine } from '../../components/rule-reasons';
import { useDefinition } from '../../hooks/use-reference-data';
import type { AvailableEvent, EventResult, InstanceView } from '../../types/contract';
import { AttachmentsCard } from './components/attachments-card';
import { CollectParts } from './components/collect-parts';
import { EventActions } from './components/event-actions';
import { EventModal } from './components/event-modal';
import { fieldCatalogue } from './components/field-catalogue';
import { HistoryTimeline } from './components/history-timeline';
import { InstanceData } from './components/instance-data';
import { InstanceHeader } from './components/instance-header';
import { canMerge, MergedInto, MergeRequests } from './components/merge-requests';
import { RefusalCard } from './components/refusal-card';
import { StateTrace } from './components/state-trace';

/** One instance: where it is, what it carries, what the user may do next, and what happened so far. */
export function InstanceShow() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const queries = useQueryClient();
  const [event, setEvent] = useState<AvailableEvent | null>(null);
  // What the event's dialog starts with when opened from a school's panel (whose part to return).
  const [preset, setPreset] = useState<Record<string, unknown> | undefined>();
  const fire = (e: AvailableEvent | null, values?: Record<string, unknown>) => {
    setPreset(values);
    setEvent(e);
  };
  const [historyKey, setHistoryKey] = useState(0);
  // The page itself shows a failed load (404/403 result with retry); Refine's default toast would say it twice.
  const { result: view, query } = useOne<InstanceView>({ resource: 'instances', id, errorNotification: false });
  const { definition } = useDefinition(view?.definition.id);
  const fields = useMemo(() => fieldCatalogue(view?.form ?? null, definition?.definition), [view?.form, definition]);

  const reload = async () => {
    fire(null);
    await Promise.all([query.refetch(), queries.invalidateQueries({ queryKey: ['findings', 'instance', id] })]);
    setHistoryKey((k) => k + 1);
  };
  const done = async (res: EventResult) => {
    fire(null);
    // Sent, then refused by the automatic checks: say so and why, never a plain success.
    if (res.refusal?.reasons.length)
      void message.warning(t('refusal.moved', { reasons: reasonsLine(res.refusal.reasons, localize) }), 8);
    else void message.success(t('instances.fireSuccess', { state: localize(res.stateName) }));
    await Promise.all([
      query.refetch(),
      invalidate({ resource: 'tasks', invalidates: ['list'] }),
      invalidate({ resource: 'instances', invalidates: ['list'] }),
      // The findings ledger moves with the inspection (raised, handed in, returned, closed).
      queries.invalidateQueries({ queryKey: ['findings', 'instance', view?.id] }),
      queries.invalidateQueries({ queryKey: ['home-done'] }),
    ]);
    setHistoryKey((k) => k + 1);
  };

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !view)
    return (
      <ErrorResult
        error={query.error}
        status={!view && !query.isError ? 404 : undefined}
        onRetry={() => void query.refetch()}
      />
    );

  // The forms and the data card pick their controls from what the definition declares (fieldRefs).
  return (
    <FieldRefsProvider definition={definition?.definition}>
      <InstanceHeader
        view={view}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <MergedInto view={view} />
      <RefusalCard view={view} />
      <StateTrace view={view} definition={definition?.definition} />
      {view.status === 'running' && (
        <div
          style={{
            marginBottom: 16,
            padding: '12px 16px',
            background: '#fff',
            borderRadius: 4,
            display: 'flex',
            gap: 12,
            alignItems: 'center',
            flexWrap: 'wrap',
          }}
        >
          <span style={{ fontWeight: 600 }}>{t('instances.actions')}</span>
          {view.availableEvents.length ? (
            <EventActions events={view.availableEvents.filter((e) => e.type !== 'MERGE')} onFire={(e) => fire(e)} />
          ) : (
            <span style={{ color: '#8c8c8c' }}>{t('instances.noActions')}</span>
          )}
          {canMerge(view) && <MergeRequests view={view} onMerged={() => void reload()} />}
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <ItemEvidenceProvider instanceId={view.id}>
            <FindingsProvider instanceId={view.id} data={view.data} fields={fields}>
              <FindingsCard view={view} fields={fields} />
            </FindingsProvider>
          </ItemEvidenceProvider>
          <CollectParts
            view={view}
            fields={fields}
            stepFields={(step) => {
              const state = definition?.definition.states[step];
              return state && 'form' in state ? (state.form?.fields ?? []) : [];
            }}
            onReturn={(e, userId) => fire(e, { userId })}
          />
          <InstanceData view={view} fields={fields} />
          <AttachmentsCard view={view} canUpload={view.status === 'running' && view.availableEvents.length > 0} />
        </Col>
        <Col xs={24} xl={9}>
          <HistoryTimeline view={view} definition={definition?.definition} refreshKey={historyKey} />
        </Col>
      </Row>
      <EventModal
        view={view}
        event={event}
        preset={preset}
        fields={fields}
        onClose={() => fire(null)}
        onDone={(r) => void done(r)}
        onReload={() => void reload()}
      />
    </FieldRefsProvider>
  );
}

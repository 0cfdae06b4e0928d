import { useCustom } from '@refinedev/core';
import { Card, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../components/date-text';
import { EmptyState } from '../../../components/empty-state';
import { ErrorResult } from '../../../components/error-result';
import { useLocalize } from '../../../components/localized-text';
import { RuleReasons } from '../../../components/rule-reasons';
import { auditActionLabel } from '../../../lib/audit-action-label';
import { auditDetails, auditRefusals, auditTimer } from '../../../lib/audit-meta';
import { labelOfEvent } from '../../../lib/event-label';
import type { AuditEvent, DefinitionDocument, InstanceView } from '../../../types/contract';

const COLORS: Record<AuditEvent['outcome'], string> = { success: 'blue', denied: 'red', failed: 'orange' };

/** 办理记录: the instance's audit events, oldest first — who did what, when, with which comment. */
export function HistoryTimeline({
  view,
  definition,
  refreshKey,
}: {
  view: InstanceView;
  definition?: DefinitionDocument;
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { result, query } = useCustom<{ items: AuditEvent[] }>({
    url: `/api/instances/${view.id}/history`,
    method: 'get',
    queryOptions: { queryKey: ['instance-history', view.id, refreshKey] },
  });
  const stateName = (id?: string) => (id ? localize(view.states.find((s) => s.id === id)?.name ?? id) : '');
  const eventName = (type: string, from?: string) => {
    const label = localize(labelOfEvent(type, definition, from));
    return label && label !== type ? label : t(`trace.events.${type}`, { defaultValue: type });
  };
  // The merge's write to the surviving request is told by its own 合并申请 entry (instance.merge), not as a 暂存.
  const mergeWrite = (e: AuditEvent) =>
    e.action === 'instance.event' && auditDetails(e).via === 'merge' && auditDetails(e).event === 'SAVE';
  // What a blind or sealed expert review keeps from this viewer the API has already left out or labelled.
  const items = (result.data?.items ?? []).filter((e) => !mergeWrite(e));
  // An expert the viewer may not know yet reads as 评审专家 2 / Expert reviewer 2, in the current language.
  const actor = (e: AuditEvent) =>
    e.actorAlias
      ? t('instanceRefs.anonymousActor', { role: t(`roles.${e.actorAlias.role}`), n: e.actorAlias.n })
      : (e.actorName ?? t('audit.system'));
  return (
    <Card title={t('instances.history')} size="small" data-testid="history">
      {query.isLoading ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState description={t('instances.noHistory')} />
      ) : (
        <Timeline
          items={items.map((e) => {
            const d = auditDetails(e);
            const refusals = auditRefusals(e);
            const timer = auditTimer(e);
            return {
              key: e.id,
              color: COLORS[e.outcome] ?? 'gray',
              children: (
                <Space direction="vertical" size={2}>
                  <Space wrap size={6}>
                    <Typography.Text strong data-testid={e.actorAlias ? 'history-anonymous-actor' : undefined}>
                      {actor(e)}
                    </Typography.Text>
                    <Typography.Text>{auditActionLabel(t, e.action)}</Typography.Text>
                    {d.event && <Tag>{eventName(d.event, d.from)}</Tag>}
                    {d.part && <Typography.Text data-testid="history-part">{d.part}</Typography.Text>}
                    {e.outcome !== 'success' && <Tag color={COLORS[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Tag>}
                  </Space>
                  {d.from && d.to && d.from !== d.to && (
                    <Typography.Text type="secondary">
                      {t('instances.movedFromTo', { from: stateName(d.from), to: stateName(d.to) })}
                    </Typography.Text>
                  )}
                  {!timer && d.event === 'TIMER' && (
                    <Typography.Text data-testid="history-timer">
                      {t('timer.generic', { step: stateName(d.from) })}
                    </Typography.Text>
                  )}
                  {timer && (
                    <Typography.Text data-testid="history-timer">
                      {timer.kind === 'noticeEnd'
                        ? t('timer.noticeEnd', { step: stateName(timer.state ?? d.from), to: stateName(d.to) })
                        : timer.kind === 'remind'
                          ? t('timer.remind', { step: stateName(timer.state ?? d.from) })
                          : t('timer.due', {
                              step: stateName(timer.state ?? d.from),
                              escalated: timer.escalated ? t('timer.dueEscalated') : '',
                            })}
                      {timer.dueAt && timer.kind === 'due' && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {t('timer.why', { due: formatDateTime(timer.dueAt) })}
                        </Typography.Text>
                      )}
                    </Typography.Text>
                  )}
                  {refusals.length > 0 && (
                    <div data-testid="history-refusals">
                      <Typography.Text type="danger">{t('refusal.history')}</Typography.Text>
                      <RuleReasons reasons={refusals} schoolName={(id) => view.refs?.[id]?.name} />
                    </div>
                  )}
                  {d.comment && (
                    <Typography.Paragraph
                      style={{ margin: 0, padding: '4px 8px', background: '#f5f7fa', borderRadius: 4 }}
                    >
                      {d.comment}
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                  </Typography.Text>
                </Space>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

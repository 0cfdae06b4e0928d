import { ArrowLeftOutlined, ExperimentOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { designerApi, type DesignerDefinition, type MigrationResult } from '../../designer/api';
import { useDefinitions } from '../../hooks/use-reference-data';
import { isApiError } from '../../providers/http';

/** 实例迁移: map the old version's states onto this one, dry-run, then move the running instances. */
export function DefinitionMigrate() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [target, setTarget] = useState<DesignerDefinition | null>(null);
  const [source, setSource] = useState<DesignerDefinition | null>(null);
  const [fromId, setFromId] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [result, setResult] = useState<MigrationResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const all = useDefinitions('published');

  useEffect(() => void designerApi.get(id).then(setTarget, setError), [id]);
  const older = useMemo(
    () => all.rows.filter((d) => target && d.key === target.key && d.version < target.version),
    [all.rows, target],
  );
  useEffect(() => {
    if (!fromId) return;
    setResult(null);
    designerApi.get(fromId).then((d) => {
      setSource(d);
      // Same id in both versions maps by default; the rest waits for a decision.
      setMapping(
        Object.fromEntries(
          Object.keys(d.definition.states)
            .filter((s) => target?.definition.states[s])
            .map((s) => [s, s]),
        ),
      );
    }, setError);
  }, [fromId, target]);

  if (error) return <ErrorResult error={error} />;
  if (!target) return <Skeleton active />;
  const targetStates = Object.entries(target.definition.states).map(([sid, s]) => ({
    value: sid,
    label: `${localize(s.name)} (${sid})`,
  }));
  const run = async (dryRun: boolean, cursor?: string) => {
    if (!fromId) return;
    setBusy(true);
    try {
      const r = await designerApi.migrate(id, { fromDefinitionId: fromId, mapping, dryRun, cursor });
      setResult(r);
      if (!dryRun) void message.success(t('designer.migrate.done', { migrated: r.migrated, refused: r.refused }));
    } catch (e) {
      void message.error(isApiError(e) && e.localized ? localize(e.localized) : t('designer.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const confirmRun = () =>
    modal.confirm({
      title: t('designer.migrate.confirmTitle'),
      content: t('designer.migrate.confirmContent'),
      okText: t('designer.migrate.run'),
      onOk: () => run(false),
    });
  const stateName = (def: DesignerDefinition | null, sid: string | null) =>
    sid && def?.definition.states[sid] ? localize(def.definition.states[sid].name) : (sid ?? '—');

  return (
    <Card
      data-testid="designer-migrate"
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('designer.back')}
          />
          {t('designer.migrate.title', { name: localize(target.name), version: target.version })}
        </Space>
      }
    >
      {target.status !== 'published' && (
        <Alert type="warning" showIcon message={t('designer.migrate.notPublished')} style={{ marginBottom: 12 }} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Text>{t('designer.migrate.from')}</Typography.Text>
          <Select
            style={{ width: 240 }}
            value={fromId}
            onChange={setFromId}
            placeholder={t('designer.migrate.pickFrom')}
            options={older.map((d) => ({ value: d.id, label: `v${d.version}` }))}
            notFoundContent={t('designer.migrate.noOlder')}
          />
        </Space>
        {source && (
          <Table
            size="small"
            pagination={false}
            rowKey="state"
            title={() => t('designer.migrate.mapping')}
            dataSource={Object.entries(source.definition.states)
              .filter(([, s]) => s.kind !== 'final')
              .map(([state, s]) => ({ state, name: localize(s.name) }))}
            columns={[
              { title: t('designer.migrate.oldState'), render: (_, r) => `${r.name} (${r.state})` },
              { title: '', width: 40, render: () => <SwapOutlined /> },
              {
                title: t('designer.migrate.newState'),
                render: (_, r) => (
                  <Select
                    allowClear
                    style={{ width: 260 }}
                    value={mapping[r.state]}
                    options={targetStates}
                    placeholder={t('designer.migrate.unmapped')}
                    onChange={(v?: string) =>
                      setMapping(({ [r.state]: _old, ...rest }) => (v ? { ...rest, [r.state]: v } : rest))
                    }
                  />
                ),
              },
            ]}
          />
        )}
        <Space>
          <Button
            icon={<ExperimentOutlined />}
            disabled={!fromId}
            loading={busy}
            onClick={() => void run(true)}
            data-testid="designer-migrate-dry-run"
          >
            {t('designer.migrate.dryRun')}
          </Button>
          <Button
            type="primary"
            danger
            disabled={!result?.dryRun || result.items.every((i) => !i.ok)}
            loading={busy}
            onClick={confirmRun}
          >
            {t('designer.migrate.run')}
          </Button>
          {result?.nextCursor && (
            <Button loading={busy} onClick={() => void run(result.dryRun, result.nextCursor ?? undefined)}>
              {t('designer.migrate.nextPage')}
            </Button>
          )}
        </Space>
        {result && (
          <Table
            size="small"
            rowKey="instanceId"
            pagination={false}
            title={() =>
              result.dryRun
                ? t('designer.migrate.dryRunResult', { count: result.items.length, refused: result.refused })
                : t('designer.migrate.done', { migrated: result.migrated, refused: result.refused })
            }
            locale={{ emptyText: <Empty description={t('designer.migrate.none')} /> }}
            dataSource={result.items}
            columns={[
              { title: t('designer.migrate.instance'), render: (_, i) => i.subjectName || i.instanceId.slice(0, 8) },
              { title: t('designer.migrate.oldState'), render: (_, i) => stateName(source, i.fromState) },
              {
                title: t('designer.migrate.newState'),
                render: (_, i) =>
                  i.ok ? stateName(target, i.toState) : <Tag color="error">{t('designer.migrate.refused')}</Tag>,
              },
              {
                title: t('designer.migrate.tasks'),
                render: (_, i) =>
                  i.ok
                    ? t('designer.migrate.taskChange', {
                        close: i.closeTasks.length,
                        open: i.openTasks.length,
                        timers: i.timers.length,
                      })
                    : localize(i.refusal?.message),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

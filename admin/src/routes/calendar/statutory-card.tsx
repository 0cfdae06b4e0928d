import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { formatDateTime } from '../../components/date-text';
import { EmptyState } from '../../components/empty-state';
import { useLocalize } from '../../components/localized-text';
import { useCalendarCoverage, useStatutoryYears } from '../../hooks/use-calendar-coverage';
import { isApiError } from '../../providers/http';
import type { CalendarCoverage, StatutoryYear } from '../../types/contract';
import { FestivalLines } from './festival-lines';
import { StatutoryForm } from './statutory-form';
import { StatutoryImport } from './statutory-import';

const SOURCE_COLOR = { package: 'green', bureau: 'blue', none: 'orange' } as const;

/** The first of this year and next year nothing covers (the one to load), else next year. */
export function yearToLoad(c: CalendarCoverage | undefined): number {
  return c?.years.find((y) => y.source === null)?.year ?? c?.years[1]?.year ?? new Date().getFullYear() + 1;
}

/** 法定节假日与调休: what covers this year and next, the years the bureau loaded, and the form and import to load one. */
export function StatutoryCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const coverage = useCalendarCoverage();
  const loaded = useStatutoryYears();
  const [editing, setEditing] = useState<StatutoryYear | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const items = loaded.data?.items ?? [];
  const c = coverage.data;
  const years = c?.dataset.years ?? [];
  // Everything computed with the calendar (coverage, the banner, the preview) is stale after a change.
  const changed = () => void queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const withdraw = async (y: StatutoryYear) => {
    try {
      await call(
        api.DELETE('/api/calendar/statutory/{year}', {
          params: { path: { year: y.year }, query: { expectedVersion: y.version } },
        }),
      );
      void message.success(t('statutory.withdrawn', { year: y.year }));
    } catch (e) {
      void message.error(isApiError(e) && e.localized ? localize(e.localized) : t('errors.generic'));
    }
    changed();
  };
  return (
    <Card
      size="small"
      title={t('statutory.title')}
      style={{ marginBottom: 16 }}
      data-testid="statutory-card"
      extra={
        canEdit && (
          <Space wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="statutory-add">
              {t('statutory.add')}
            </Button>
            <Button
              size="small"
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="statutory-import-open"
            >
              {t('statutory.import')}
            </Button>
            <Button size="small" type="link" icon={<DownloadOutlined />} href="/api/calendar/statutory/template.xlsx">
              {t('statutory.template')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('statutory.hint')}</Typography.Paragraph>
      {c && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="statutory-coverage">
          <Typography.Text>
            {years.length
              ? t('statutory.dataset', {
                  name: c.dataset.name,
                  version: c.dataset.version,
                  from: years[0],
                  to: years.at(-1),
                })
              : t('statutory.datasetNone', { name: c.dataset.name, version: c.dataset.version })}
          </Typography.Text>
          {c.years.map((y) => (
            <Tag key={y.year} color={SOURCE_COLOR[y.source ?? 'none']} data-testid={`coverage-${y.year}`}>
              {t('statutory.yearTag', { year: y.year, source: t(`statutory.sources.${y.source ?? 'none'}`) })}
            </Tag>
          ))}
        </Space>
      )}
      <Table<StatutoryYear>
        size="small"
        rowKey="year"
        loading={loaded.isLoading}
        dataSource={items}
        pagination={false}
        data-testid="statutory-years"
        locale={{ emptyText: <EmptyState description={t('statutory.empty')} /> }}
        columns={[
          {
            title: t('statutory.columns.year'),
            width: 110,
            render: (_, y) => (
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{t('statutory.yearValue', { year: y.year })}</Typography.Text>
                {y.replacesPackage && <Tag color="purple">{t('statutory.replacing')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('statutory.columns.notice'),
            render: (_, y) => [y.documentNo, y.title].filter(Boolean).join(' ') || t('common.none'),
          },
          {
            title: t('statutory.columns.festivals'),
            render: (_, y) => (
              <>
                <FestivalLines holidays={y.holidays} workdays={y.workdays} />
                <Typography.Text type="secondary">
                  {t('statutory.counts', { holidays: y.holidays.length, workdays: y.workdays.length })}
                </Typography.Text>
              </>
            ),
          },
          { title: t('statutory.columns.source'), width: 100, render: (_, y) => t(`statutory.origin.${y.source}`) },
          {
            title: t('statutory.columns.status'),
            width: 130,
            render: (_, y) =>
              y.inEffect ? <Tag color="green">{t('statutory.inEffect')}</Tag> : <Tag>{t('statutory.dormant')}</Tag>,
          },
          {
            title: t('statutory.columns.updated'),
            width: 170,
            render: (_, y) => (
              <Space direction="vertical" size={0}>
                <span>{y.updatedBy ?? t('common.none')}</span>
                <Typography.Text type="secondary">{formatDateTime(y.updatedAt)}</Typography.Text>
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('statutory.columns.actions'),
                  width: 120,
                  render: (_: unknown, y: StatutoryYear) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(y)}>
                        {t('statutory.edit')}
                      </Button>
                      <Popconfirm
                        title={t('statutory.withdrawConfirm', {
                          year: y.year,
                          fallback: t(`statutory.sources.${years.includes(y.year) ? 'package' : 'none'}`),
                        })}
                        onConfirm={() => withdraw(y)}
                      >
                        <Button type="link" size="small" danger>
                          {t('statutory.withdraw')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <StatutoryForm
          open
          initial={editing === 'new' ? undefined : editing}
          defaultYear={yearToLoad(c)}
          packageYears={years}
          loaded={items}
          onClose={() => setEditing(null)}
          onSaved={(y) => {
            setEditing(null);
            void message.success(t('statutory.saved', { year: y.year }));
            changed();
          }}
        />
      )}
      {importing && (
        <StatutoryImport
          open
          defaultYear={yearToLoad(c)}
          packageYears={years}
          loaded={items}
          onClose={() => setImporting(false)}
          onLoaded={(y) => {
            setImporting(false);
            void message.success(t('statutory.saved', { year: y.year }));
            changed();
          }}
        />
      )}
    </Card>
  );
}

import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import type { LocalizedText } from '../../../types/contract';
import { rowsOf, textOf, ViewTable } from './view-table';

type Rollup = { rule?: string; alpha?: number; floor?: number; penalty?: number };

/** An indicator system for reading: the roll-up rule and grades, then each dimension with its weight and indicators. */
export function IndicatorSystemView({ content }: { content: Record<string, unknown> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const rollup = (content.rollup ?? {}) as Rollup;
  const grades = rowsOf(content.grades);
  return (
    <>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('refedit.indicators.system')}>
          {localize(content.name as LocalizedText)}
        </Descriptions.Item>
        <Descriptions.Item label={t('refedit.indicators.rollup')}>
          {t(`refedit.indicators.rules.${rollup.rule}`, { defaultValue: textOf(rollup.rule) })}
          {rollup.rule === 'minWeighted' && ` · ${t('refedit.indicators.alpha')} ${rollup.alpha}`}
          {rollup.rule === 'floorPenalty' &&
            ` · ${t('refedit.indicators.floor')} ${rollup.floor} · ${t('refedit.indicators.penalty')} ${rollup.penalty}`}
          <div>
            <Typography.Text type="secondary">
              {rollup.rule ? t(`refedit.indicators.ruleHint.${rollup.rule}`) : ''}
            </Typography.Text>
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('refedit.indicators.grades')}>
          {grades.map((g) => (
            <Tag key={String(g.grade)}>
              {localize(g.label as LocalizedText)} ≥ {textOf(g.min)}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      {rowsOf(content.dimensions).map((d, i) => (
        <ViewTable
          key={String(d.key ?? i)}
          testId={`reference-dimension-${i}`}
          title={`${localize(d.name as LocalizedText)} · ${t('refedit.indicators.weight')} ${Math.round(Number(d.weight) * 1000) / 10}%`}
          data={rowsOf(d.indicators)}
          columns={[
            { key: 'key', title: t('refedit.indicators.key') },
            { key: 'name', title: t('refedit.indicators.indicator'), render: (r) => localize(r.name as LocalizedText) },
            { key: 'maxScore', title: t('refedit.indicators.maxScore') },
            {
              key: 'evidenceRequired',
              title: t('refedit.indicators.evidence'),
              render: (r) => (r.evidenceRequired === false ? t('common.no') : t('common.yes')),
            },
            {
              key: 'scoringGuide',
              title: t('refedit.indicators.guide'),
              render: (r) => (r.scoringGuide ? localize(r.scoringGuide as LocalizedText) : ''),
            },
          ]}
        />
      ))}
    </>
  );
}

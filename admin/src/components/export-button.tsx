import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../api/client';
import { asApiError, queryString } from '../providers/http';
import { useLocalize } from './localized-text';

type Props = { list: string; query?: Record<string, string | number | undefined | null>; fileName?: string };

/** 导出 Excel: downloads GET /api/exports/<list>.xlsx with the list's current filters; a failure says why. */
export function ExportButton({ list, query, fileName }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      let disposition = '';
      const blob = await call(
        api
          .GET('/api/exports/{file}', {
            params: { path: { file: `${list}.xlsx` } },
            // Each list takes its own filters, which the document leaves open: sent as the list sends them.
            querySerializer: () => queryString(query),
            parseAs: 'blob',
          })
          .then((answer) => {
            disposition = answer.response.headers.get('content-disposition') ?? '';
            return answer;
          }),
      );
      const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = named ? decodeURIComponent(named) : `${fileName ?? list}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      const err = asApiError(e);
      void message.error(
        err.status === 404 ? t('exports.unavailable') : err.localized ? localize(err.localized) : t('exports.failed'),
      );
    } finally {
      setPending(false);
    }
  };
  // Said before the download, not only in the file: a sheet holds at most a million rows.
  return (
    <Tooltip title={t('exports.limit')}>
      <Button
        icon={<FileExcelOutlined />}
        loading={pending}
        onClick={() => void download()}
        data-testid={`export-${list}`}
      >
        {t('exports.button')}
      </Button>
    </Tooltip>
  );
}

import type { CSSProperties, ReactNode } from 'react';

import { theme } from '../config/theme';

const TONES = {
  secondary: { color: theme.token?.colorTextDescription },
  danger: { color: theme.token?.colorError },
} satisfies Record<string, CSSProperties>;

/**
 * Text as antd's `Typography.Text` shows it (secondary or danger colour, strong), for what a list draws in
 * every row. A Typography is a dozen hooks (its style registration, ellipsis measuring, copy and edit state)
 * and a page of 20 rows drew 40 to 80 of them: dates and names as plain elements took the browser's CPU for
 * opening the instance and to-do lists down by about a sixth (issue 13). The colours are the theme's.
 */
export function CellText({
  tone,
  strong,
  style,
  title,
  children,
}: {
  tone?: keyof typeof TONES;
  strong?: boolean;
  style?: CSSProperties;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span title={title} style={tone || style ? { ...(tone && TONES[tone]), ...style } : undefined}>
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}

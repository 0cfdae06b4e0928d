import { Grid, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's heading. Below `lg` the layout's sider becomes a floating menu button at the content's
 * top-left corner, so the heading steps aside to stay readable on a tablet.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return (
    <Typography.Title level={4} style={{ margin: 0, paddingInlineStart: screens.lg === false ? 44 : 0 }}>
      {children}
    </Typography.Title>
  );
}

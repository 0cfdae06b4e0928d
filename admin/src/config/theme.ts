import type { ThemeConfig } from 'antd';

import { reducedMotion } from './reduced-motion';

/** A sober government-console palette: deep "政务蓝", white header, light sider, compact radius. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    colorInfo: '#1f4e9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f2f4f8',
    // Secondary text (descriptions, statistic titles, list meta) at 4.5:1 or more on white and on the layout
    // grey (WCAG 2.1 AA); antd's default 45 % black is 3.4:1.
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Red dark enough for white text on a danger button (antd's #ff4d4f is 3.9:1); tags are in a11y.css.
    colorError: '#c41d1f',
    // antd's fades, slides and click waves go when the reader asks for less motion.
    motion: !reducedMotion,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56 },
    Menu: { itemSelectedBg: '#e8eef8', itemSelectedColor: '#1f4e9c' },
    Table: { headerBg: '#f5f7fa' },
  },
};

export const brand = {
  primary: '#1f4e9c',
  loginBackground: 'linear-gradient(135deg, #0f2f66 0%, #1f4e9c 55%, #3a6fc4 100%)',
};

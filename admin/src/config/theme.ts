import type { ThemeConfig } from 'antd';

/** A sober government-console palette: deep "政务蓝", white header, light sider, compact radius. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    colorInfo: '#1f4e9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f2f4f8',
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

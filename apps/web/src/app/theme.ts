import type { ThemeConfig } from 'antd';

/** Court red as the primary colour; contrast checked by axe on every page. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#a8071a',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  },
};

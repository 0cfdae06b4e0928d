import { theme } from 'antd';

/** The product mark: an E on the console's primary colour. */
export function Logo({ size = 28 }: { size?: number }) {
  const { token } = theme.useToken();
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill={token.colorPrimary} />
      <path d="M9 9h14v3H12v3h9v3h-9v3h11v3H9z" fill="#fff" />
    </svg>
  );
}

import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

/**
 * A list row that opens a page. The row's title is the real link — reached with Tab, opened with Enter,
 * announced as a link — and a click anywhere else on the row opens it too. The row itself stays a list
 * item (`role="link"` on an <li> broke the list for screen readers, axe's `list` rule).
 */
export function useRowOpen() {
  const navigate = useNavigate();
  return (to: string, before?: () => void) => ({
    style: { cursor: 'pointer', paddingInline: 4 },
    onClick: (e: MouseEvent) => {
      // The title link and the row's own buttons act for themselves.
      if ((e.target as HTMLElement).closest('a, button, input, label')) return;
      before?.();
      navigate(to);
    },
  });
}

export function RowTitleLink({
  to,
  strong,
  onOpen,
  children,
}: {
  to: string;
  strong?: boolean;
  /** Runs before the move (e.g. marking a notice read). */
  onOpen?: () => void;
  children: ReactNode;
}) {
  return (
    <Link to={to} onClick={onOpen} style={strong ? { fontWeight: 600 } : undefined}>
      {children}
    </Link>
  );
}

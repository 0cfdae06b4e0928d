import { useGetIdentity } from '@refinedev/core';
import { Skeleton } from 'antd';
import { Navigate } from 'react-router';

import type { Identity } from '../../providers/auth-provider';
import type { RoleCode } from '../../types/contract';
import { LazyDashboard } from '../dashboard/lazy-dashboard';
import { DeptHome } from './dept-home';
import { ExpertHome } from './expert-home';
import { InspectorHome } from './inspector-home';
import { SchoolHome } from './school-home';
import { TeacherHome } from './teacher-home';

/** `/`: each role lands on the page of its daily work; the bureau's roles come first when someone holds several. */
export function HomePage() {
  const { data: user, isLoading } = useGetIdentity<Identity>();
  if (isLoading || !user) return <Skeleton active paragraph={{ rows: 8 }} />;
  const has = (role: RoleCode) => user.roles.some((r) => r.role === role);
  const orgOf = (role: RoleCode) => user.roles.find((r) => r.role === role)?.orgName ?? '';
  if (has('bureauAdmin') || has('bureauReviewer')) return <LazyDashboard />;
  if (has('auditor')) return <Navigate to="/audit" replace />;
  // 三权分立: the security administrator keeps role grants and the privileged accounts, no workflow.
  if (has('securityAdmin')) return <Navigate to="/users" replace />;
  if (has('groupLead')) return <SchoolHome group scopeName={orgOf('groupLead')} />;
  if (has('principal')) return <SchoolHome group={false} scopeName={orgOf('principal')} />;
  if (has('inspector')) return <InspectorHome />;
  if (has('expert')) return <ExpertHome />;
  if (has('outsideDept')) return <DeptHome />;
  if (has('teacher')) return <TeacherHome schoolName={orgOf('teacher')} />;
  return <Navigate to="/tasks" replace />;
}

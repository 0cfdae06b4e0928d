import {
  AlertOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DeploymentUnitOutlined,
  NotificationOutlined,
  PartitionOutlined,
} from '@ant-design/icons';
import {
  ApartmentOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  HomeOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ResourceProps } from '@refinedev/core';
import { createElement } from 'react';

import { NotificationsMenuIcon } from '../routes/notifications/notifications-menu-icon';

/** Menu labels come from the locale files (`<name>.<name>`), icons from here. */
export const resources: ResourceProps[] = [
  { name: 'home', list: '/', meta: { icon: createElement(HomeOutlined) } },
  { name: 'tasks', list: '/tasks', meta: { icon: createElement(CheckSquareOutlined) } },
  {
    name: 'inbox',
    list: '/notifications',
    meta: { path: '/notifications', icon: createElement(NotificationsMenuIcon) },
  },
  {
    name: 'instances',
    list: '/instances',
    show: '/instances/:id',
    create: '/instances/create',
    meta: { icon: createElement(DeploymentUnitOutlined) },
  },
  { name: 'findings', list: '/findings', meta: { icon: createElement(AlertOutlined) } },
  // 负担码: a teacher's report of a non-teaching demand (the bureau handles them from 我的待办).
  { name: 'burden-reports', list: '/burden-reports', meta: { icon: createElement(NotificationOutlined) } },
  { name: 'definitions', list: '/definitions', meta: { icon: createElement(PartitionOutlined) } },
  { name: 'audit', list: '/audit', meta: { icon: createElement(AuditOutlined) } },
  { name: 'settings', meta: { icon: createElement(SettingOutlined) } },
  { name: 'orgs', list: '/orgs', meta: { parent: 'settings', icon: createElement(ApartmentOutlined) } },
  { name: 'users', list: '/users', meta: { parent: 'settings', icon: createElement(TeamOutlined) } },
  { name: 'reference', list: '/reference', meta: { parent: 'settings', icon: createElement(DatabaseOutlined) } },
  { name: 'calendar', list: '/calendar', meta: { parent: 'settings', icon: createElement(CalendarOutlined) } },
];

import {
  AuditOutlined,
  CheckCircleOutlined,
  ClusterOutlined,
  EditOutlined,
  NotificationOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Badge, theme } from 'antd';
import type { ReactNode } from 'react';

import { NODE_H, NODE_W } from './layout';
import type { Kind } from './model';

export type StateNodeData = {
  label: string;
  id: string;
  kind: Kind;
  kindLabel: string;
  initial: boolean;
  errors: number;
  trail: 'current' | 'visited' | null;
};
export type StateNodeType = Node<StateNodeData, 'state'>;

export const KIND_COLOR: Record<Kind, string> = {
  task: '#1677ff',
  review: '#722ed1',
  collect: '#13a8a8',
  notice: '#fa8c16',
  auto: '#8c8c8c',
  final: '#52c41a',
};
/** The same hues as antd's preset tags, whose text console styles keep at 4.5:1 (a11y.css); a solid KIND_COLOR tag read at 4.1:1. */
export const KIND_TAG: Record<Kind, string> = {
  task: 'blue',
  review: 'purple',
  collect: 'cyan',
  notice: 'orange',
  auto: 'default',
  final: 'green',
};
const KIND_ICON: Record<Kind, ReactNode> = {
  task: <EditOutlined />,
  review: <AuditOutlined />,
  collect: <ClusterOutlined />,
  notice: <NotificationOutlined />,
  auto: <ThunderboltOutlined />,
  final: <CheckCircleOutlined />,
};

export function StateNode({ data, selected }: NodeProps<StateNodeType>) {
  const { token } = theme.useToken();
  const color = KIND_COLOR[data.kind];
  const border = data.errors ? token.colorError : selected ? token.colorPrimary : color;
  const background =
    data.trail === 'current' ? '#fffbe6' : data.trail === 'visited' ? token.colorSuccessBg : token.colorBgContainer;
  return (
    <Badge count={data.errors} size="small" offset={[-6, 4]}>
      <div
        data-testid={`designer-node-${data.id}`}
        style={{
          width: NODE_W,
          height: NODE_H,
          border: `2px ${data.trail === 'current' ? 'dashed' : 'solid'} ${border}`,
          borderLeft: `6px solid ${color}`,
          borderRadius: data.kind === 'final' ? NODE_H / 2 : 8,
          background,
          boxShadow: selected ? `0 0 0 3px ${token.colorPrimaryBg}` : undefined,
          padding: '4px 10px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          overflow: 'hidden',
        }}
      >
        <Handle type="target" position={Position.Left} />
        <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <span style={{ color, marginRight: 6 }}>{KIND_ICON[data.kind]}</span>
          {data.label}
        </div>
        <div style={{ fontSize: 12, color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>
          {data.kindLabel}
          {data.initial ? ' · ▶' : ''}
        </div>
        {data.kind !== 'final' && <Handle type="source" position={Position.Right} />}
      </div>
    </Badge>
  );
}

import type { ReactNode } from 'react';
import { Button, Card, Checkbox, Flex } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';

interface Props {
  title: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  /** the body is shown (the header with the switch always is) */
  open: boolean;
  onOpen: (open: boolean) => void;
  /** test ids: `<testId>`, `<testId>-toggle`, `<testId>-expand` */
  testId: string;
  /** how many things the layer draws, for tests and tools reading the page */
  count: number | string;
  children: ReactNode;
}

/**
 * The card of one data layer on 一张图 (cases, 查违控违 sites …): a switch in its header, a button that folds the
 * body (filters, legend, count) away, as on a phone where the map needs the room.
 */
export function LayerCard({ title, on, onToggle, open, onOpen, testId, count, children }: Props) {
  return (
    <Card
      size="small"
      title={
        <Checkbox checked={on} onChange={(e) => onToggle(e.target.checked)} data-testid={`${testId}-toggle`}>
          {title}
        </Checkbox>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={open ? <UpOutlined /> : <DownOutlined />}
          onClick={() => onOpen(!open)}
          aria-label={title}
          data-testid={`${testId}-expand`}
        />
      }
      style={{ boxShadow: '0 2px 8px rgba(0,0,0,0.15)' }}
      styles={{ body: open ? { padding: '8px 12px' } : { display: 'none' } }}
      data-testid={testId}
      data-count={count}
    >
      <Flex vertical gap={6}>
        {children}
      </Flex>
    </Card>
  );
}

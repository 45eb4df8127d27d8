import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** A page's title row and body; pages compose feature blocks inside it. */
export function PageSection({ title, extra, testId, children }: Props) {
  return (
    <section data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

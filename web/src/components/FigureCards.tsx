import { Card, Col, Row, Statistic, Typography } from 'antd';

/** One card of a line's year figures: the number and, below it, a line of detail. */
export interface FigureCard {
  key: string;
  title: string;
  value: string | number;
  extra?: string | undefined;
}

export const figureCard = (key: string, title: string, value: string | number, extra?: string): FigureCard => ({
  key,
  title,
  value,
  extra,
});

/** A rate as the cards show it: "—" before the data or when the rate has no denominator. */
export const percentText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

/**
 * The year's figures of a business line as a row of cards, the same numbers its report sentences carry. `perRow`
 * is how many cards share a wide screen (6 or 8); a phone shows two.
 */
export function FigureCards({ cards, testId, perRow = 6 }: { cards: FigureCard[]; testId: string; perRow?: 6 | 8 }) {
  const span = perRow === 8 ? { md: 6, xl: 3 } : { md: 8, xl: 4 };
  return (
    <Row gutter={[12, 12]} data-testid={testId}>
      {cards.map((c) => (
        <Col xs={12} {...span} key={c.key}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={c.title} value={c.value} />
            {c.extra ? <Typography.Text type="secondary">{c.extra}</Typography.Text> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

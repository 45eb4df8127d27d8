import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Cascader, Flex, Input, Tag, Typography } from 'antd';
import type { PlaceHit } from '../../../../common/contracts/gazetteer.ts';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { gazetteerApi } from './gazetteer.api.ts';

export interface PickedPlace {
  lng: number;
  lat: number;
  /** what the person chose, for the address field */
  name: string;
}

interface AreaOption {
  value: string;
  label: string;
  lng: number;
  lat: number;
  isLeaf?: boolean;
  children?: AreaOption[];
}

/** Typing settles for this long before a search is sent. */
const DEBOUNCE_MS = 200;

function describe(hit: PlaceHit): string {
  return [hit.streetName, hit.communityName, hit.gridCode].filter(Boolean).join(' · ');
}

/**
 * Finding a place without GPS (docs/gazetteer.md): an address search (name, pinyin or initials, or road + house
 * number) and a street → community → grid cascader; either moves the pin through `onPick`.
 */
export function PlacePicker({ onPick, testId = 'place' }: { onPick: (place: PickedPlace) => void; testId?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [areas, setAreas] = useState<AreaOption[]>([]);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      gazetteerApi.search(q, controller.signal).then(
        (res) => {
          setHits(res.items);
          setError(null);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setError(err instanceof ApiError ? err.message : String(err));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useEffect(() => {
    const controller = new AbortController();
    gazetteerApi.areas(controller.signal).then(
      (tree) =>
        setAreas(
          tree.streets.map((s) => ({
            ...s,
            children: s.children.map((c) => ({ ...c, isLeaf: false })),
          })),
        ),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const loadGrids = async (path: AreaOption[]) => {
    const community = path[path.length - 1];
    if (!community || path.length !== 2) return;
    const grids = await gazetteerApi.grids(community.value).catch(() => ({ items: [] }));
    community.children = grids.items.map((g) => ({ ...g, isLeaf: true }));
    setAreas((list) => [...list]);
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 8 }}>
      <AutoComplete
        value={text}
        onChange={setText}
        options={hits.map((h, i) => ({
          value: `${i}`,
          label: (
            <Flex justify="space-between" gap={8} data-testid={`${testId}-option`}>
              <span>
                <Tag bordered={false}>{t(`places.kinds.${h.kind}`)}</Tag>
                {h.name}
              </span>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {describe(h)}
              </Typography.Text>
            </Flex>
          ),
        }))}
        onSelect={(value: string) => {
          const hit = hits[Number(value)];
          if (!hit) return;
          setText(hit.name);
          pick.current({ lng: hit.lng, lat: hit.lat, name: hit.name });
        }}
        notFoundContent={text.trim() && !error ? t('places.none') : null}
        style={{ width: '100%' }}
      >
        <Input.Search
          allowClear
          placeholder={t('places.searchPlaceholder')}
          aria-label={t('places.search')}
          data-testid={`${testId}-search`}
        />
      </AutoComplete>
      {error ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('places.loadFailed', { message: error })}
        </Typography.Text>
      ) : null}
      <Cascader<AreaOption>
        options={areas}
        loadData={(path) => void loadGrids(path)}
        changeOnSelect
        placeholder={t('places.areaPlaceholder')}
        aria-label={t('places.area')}
        onChange={(_value, path) => {
          const last = path?.[path.length - 1];
          // The grid's number is no part of an address: the name is the street and community.
          if (last)
            pick.current({
              lng: last.lng,
              lat: last.lat,
              name: path
                .slice(0, 2)
                .map((p) => p.label)
                .join(''),
            });
        }}
        style={{ width: '100%' }}
        data-testid={`${testId}-area`}
      />
    </Flex>
  );
}

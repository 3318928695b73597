import type { Platform } from '../verify';
import { mapBland } from './bland';
import { mapRetell } from './retell';
import type { MapContext, MappedDelivery } from './types';
import { mapVapi } from './vapi';

export type { MappedDelivery, MapContext } from './types';

/** A parsed delivery body → what it means for our data (pure). */
export function mapDelivery(platform: Platform, body: unknown, ctx: MapContext): MappedDelivery {
  switch (platform) {
    case 'vapi':
      return mapVapi(body, ctx);
    case 'retell':
      return mapRetell(body, ctx);
    case 'bland':
      return mapBland(body, ctx);
  }
}

export { mapVapi, mapRetell, mapBland };

// The school's people: the list and profiles, adding and changing people, and the roster upload.
import type { RoutePlugin } from '../../route-plugin.ts';
import { directoryRoutes } from './directory.ts';
import { editRoutes } from './edit.ts';
import { importRoutes } from './import.ts';

export const peopleRoutes: RoutePlugin = async (app, context) => {
  await app.register(directoryRoutes, context);
  await app.register(editRoutes, context);
  await app.register(importRoutes, context);
};

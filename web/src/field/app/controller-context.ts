import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FieldController, FieldState } from './field-controller';
import type { FieldRoute } from './router';

export const ControllerContext = createContext<FieldController | null>(null);

export function useController(): FieldController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController() outside ControllerContext');
  return controller;
}

/** The field state, re-rendering on every change. */
export function useFieldState(): FieldState {
  const controller = useController();
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

export type Navigate = (route: FieldRoute, options?: { replace?: boolean }) => void;

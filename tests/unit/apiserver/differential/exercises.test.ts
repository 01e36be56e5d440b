import { compareAll } from './compare.ts';
import { exerciseCases } from './corpus.ts';

compareAll(
  'page kubectl = real kubectl 1.35 on kubesim serve: exercise solutions and mistakes',
  exerciseCases(),
);

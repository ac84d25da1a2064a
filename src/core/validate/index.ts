/** Runs every validation rule over a Model. */
import type { Finding } from "../findings";
import type { Model } from "../model";

export function validate(_model: Model): Finding[] {
  return [];
}

/**
 * Builds a columnar VisitTable row by row. Visits are the largest tables (millions of
 * rows nationally), so they are held as two growable Int32Arrays instead of objects.
 */
import type { Day, PersonKey, VisitTable } from '../types';

const INITIAL_CAPACITY = 1024;

export class VisitTableBuilder {
  private person = new Int32Array(INITIAL_CAPACITY);
  private day = new Int32Array(INITIAL_CAPACITY);
  private length = 0;
  private unseenRows = 0;

  addSeen(person: PersonKey, day: Day): void {
    if (this.length === this.person.length) this.grow();
    this.person[this.length] = person;
    this.day[this.length] = day;
    this.length += 1;
  }

  /** An unseen visit never counts: it is counted for the report but not kept. */
  addUnseen(): void {
    this.unseenRows += 1;
  }

  /** The table; this ends the builder. */
  build(): VisitTable {
    // Copy to exact length so the spare capacity (up to half) is released, and let go of
    // the growable arrays at once: the copies of a national table are tens of MB.
    const person = this.person.slice(0, this.length);
    this.person = new Int32Array(0);
    const day = this.day.slice(0, this.length);
    this.day = new Int32Array(0);
    return { length: this.length, person, day, unseenRows: this.unseenRows };
  }

  private grow(): void {
    const capacity = this.person.length * 2;
    const person = new Int32Array(capacity);
    person.set(this.person);
    const day = new Int32Array(capacity);
    day.set(this.day);
    this.person = person;
    this.day = day;
  }
}

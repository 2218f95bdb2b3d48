import type Database from 'better-sqlite3';
import { DomainError } from '@app/result';

export interface Customer {
  id: string;
  name: string;
  phone: string;
  cardBarcode: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  phone: string;
  card_barcode: string | null;
  created_at: string;
}

const toCustomer = (row: Row): Customer => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  cardBarcode: row.card_barcode,
  createdAt: row.created_at,
});

/** Customers (members): a name, a phone number and optionally a member card's barcode. */
export class CustomerStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byPhoneStmt;
  private readonly byCardStmt;
  private readonly findStmt;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO customers (id, name, phone, card_barcode, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.byIdStmt = db.prepare<[string], Row>('SELECT * FROM customers WHERE id = ?');
    this.byPhoneStmt = db.prepare<[string], Row>('SELECT * FROM customers WHERE phone = ?');
    this.byCardStmt = db.prepare<[string], Row>('SELECT * FROM customers WHERE card_barcode = ?');
    // An exact card or phone first, then phones ending in what was typed (the last 4 digits).
    this.findStmt = db.prepare<[string, string, string], Row>(
      `SELECT * FROM customers WHERE card_barcode = ? OR phone = ? OR phone LIKE ?
       ORDER BY name LIMIT 20`,
    );
  }

  add(customer: Customer): Customer {
    if (this.byPhoneStmt.get(customer.phone)) {
      throw new DomainError('phone_taken', `phone already a member`, {});
    }
    if (customer.cardBarcode !== null && this.byCardStmt.get(customer.cardBarcode)) {
      throw new DomainError('member_card_taken', 'card already a member', {
        card: customer.cardBarcode,
      });
    }
    this.insertStmt.run(
      customer.id,
      customer.name,
      customer.phone,
      customer.cardBarcode,
      customer.createdAt,
    );
    return customer;
  }

  byId(id: string): Customer | null {
    const row = this.byIdStmt.get(id);
    return row ? toCustomer(row) : null;
  }

  byCard(code: string): Customer | null {
    const row = this.byCardStmt.get(code);
    return row ? toCustomer(row) : null;
  }

  find(query: string): Customer[] {
    const digits = /^\+?\d+$/.test(query);
    const like = digits && query.length >= 4 ? `%${query.replace(/[%_]/g, '')}` : '\u0000';
    return this.findStmt.all(query, query, like).map(toCustomer);
  }
}

// The checkout screen's body and answer are declared once elsewhere and named here, so the
// controller finds them where every screen keeps its DTOs: the body is core-api's own order
// request (the shipping method), the answer the order confirmation, which is the order as the
// order screen draws it (shaping/order.dto.ts).
export { CreateOrderDto } from '@bff/core-contracts';
export { OrderScreenDto } from '../../shaping/order.dto';

import { Module } from '@nestjs/common';
import { OrdersViewService } from './orders-view.service';

@Module({ providers: [OrdersViewService], exports: [OrdersViewService] })
export class OrdersModule {}

package dev.chikuden.control;

import dev.chikuden.market.ReserveSales;

/** A control layer that sells the battery's headroom in the balancing market as it runs. */
public interface ReserveTrader {
    /** What it sold and what the battery delivered of it, so far. */
    ReserveSales sales();
}

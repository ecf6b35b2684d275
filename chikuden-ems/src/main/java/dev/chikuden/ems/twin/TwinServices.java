package dev.chikuden.ems.twin;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import java.util.function.LongSupplier;

/**
 * The simulator's holding registers over Modbus: reads of any register a device's map covers, writes
 * to its writable points only (anything else answers ILLEGAL_DATA_ADDRESS, as a device does). Every
 * access holds the simulator's lock, so a read never sees half a tick.
 */
final class TwinServices implements ModbusServices {
    private final Object lock;
    private final TwinDevice[] units = new TwinDevice[256];
    private final LongSupplier simulatedMs;

    TwinServices(Object lock, Iterable<? extends TwinDevice> devices, LongSupplier simulatedMs) {
        this.lock = lock;
        this.simulatedMs = simulatedMs;
        for (TwinDevice d : devices) {
            units[d.unitId] = d;
        }
    }

    private TwinDevice unit(int unitId) throws UnknownUnitIdException {
        TwinDevice d = unitId >= 0 && unitId < units.length ? units[unitId] : null;
        if (d == null) {
            throw new UnknownUnitIdException(unitId);
        }
        return d;
    }

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(
            ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        ModbusServices.checkRegisterRange(
                FunctionCode.READ_HOLDING_REGISTERS.getCode(), request.address(), request.quantity());
        TwinDevice d = unit(unitId);
        synchronized (lock) {
            if (!d.image.covers(request.address(), request.quantity())) {
                throw new ModbusResponseException(
                        FunctionCode.READ_HOLDING_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            return new ReadHoldingRegistersResponse(d.image.bytes(request.address(), request.quantity()));
        }
    }

    @Override
    public WriteSingleRegisterResponse writeSingleRegister(
            ModbusRequestContext context, int unitId, WriteSingleRegisterRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        byte[] value = {(byte) (request.value() >> 8), (byte) request.value()};
        write(FunctionCode.WRITE_SINGLE_REGISTER, unit(unitId), request.address(), value);
        return new WriteSingleRegisterResponse(request.address(), request.value());
    }

    @Override
    public WriteMultipleRegistersResponse writeMultipleRegisters(
            ModbusRequestContext context, int unitId, WriteMultipleRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        write(FunctionCode.WRITE_MULTIPLE_REGISTERS, unit(unitId), request.address(), request.values());
        return new WriteMultipleRegistersResponse(request.address(), request.quantity());
    }

    private void write(FunctionCode function, TwinDevice d, int address, byte[] values) throws ModbusResponseException {
        int count = values.length / 2;
        synchronized (lock) {
            if (count == 0 || !d.writable(address, count)) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            d.image.putBytes(address, values);
            d.written(address, count, simulatedMs.getAsLong());
        }
    }
}

package dev.chikuden.site;

import static dev.chikuden.units.Dimension.DURATION;
import static dev.chikuden.units.Dimension.ENERGY;
import static dev.chikuden.units.Dimension.FRACTION;
import static dev.chikuden.units.Dimension.HEAT_CAPACITY;
import static dev.chikuden.units.Dimension.NUMBER;
import static dev.chikuden.units.Dimension.POWER;
import static dev.chikuden.units.Dimension.POWER_RATE;
import static dev.chikuden.units.Dimension.TEMPERATURE;
import static dev.chikuden.units.Dimension.THERMAL_CONDUCTANCE;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.config.Quantity;
import java.time.LocalDate;
import java.util.List;

/**
 * A site file as written, bound from YAML after {@code site.schema.json} has checked it and filled
 * its defaults: one record per mapping, a quantity in its base unit. A number the file may leave out
 * without a default is a nullable box; everything else is present.
 */
record SiteFile(
        String name,
        @JsonProperty("class") String siteClass,
        String timeZone,
        Location location,
        Grid grid,
        List<Load> loads,
        Pv pv,
        List<Battery> batteries,
        Ambient ambient,
        Study study,
        Strategy strategy,
        Control control,
        Output output,
        GridCode gridCode,
        Compare compare,
        Optimize optimize,
        Markets markets,
        Finance finance,
        Sizing sizing,
        Outage outage) {

    record Location(double latitude, double longitude) {}

    /** {@code contract}: auto, a power or a mapping; read by {@link SiteConfigReader}. */
    record Grid(
            JsonNode contract,
            String exceedance,
            String voltage,
            String frequency,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            Double importLimit,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            Double exportLimit) {}

    /** {@code grid.contract} as one power for both cases. */
    record OneContract(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            double contract) {}

    record TwoContracts(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            double withoutBattery,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double withBattery) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ProfileLoad.class, name = "profile"),
        @JsonSubTypes.Type(value = CsvLoad.class, name = "csv"),
        @JsonSubTypes.Type(value = AiCampus.class, name = "ai-campus"),
        @JsonSubTypes.Type(value = ScheduleLoad.class, name = "production-schedule"),
        @JsonSubTypes.Type(value = Household.class, name = "household")
    })
    sealed interface Load permits ProfileLoad, CsvLoad, AiCampus, ScheduleLoad, Household {
        String name();
    }

    record ProfileLoad(
            String name,
            @Quantity(value = POWER, min = 0) double base,
            double[] daily,
            double weekendFactor,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "noise (standard deviation over load)")
            double noise,

            long seed)
            implements Load {}

    /** A production schedule: shifts by day of the week, holidays, a base outside the shifts; read by {@link ScheduleSection}. */
    record ScheduleLoad(
            String name,
            @Quantity(value = POWER, min = 0) double base,
            Week shifts,
            String nationalHolidays,
            List<CompanyHoliday> companyHolidays,
            double[] monthly,

            @Quantity(value = DURATION, min = 0, max = 6 * 3600)
            double ramp,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "noise (standard deviation over load)")
            double noise,

            long seed)
            implements Load {}

    /** The shifts of each kind of day; a day named on its own overrides {@code weekdays}. */
    record Week(
            List<Shift> weekdays,
            List<Shift> monday,
            List<Shift> tuesday,
            List<Shift> wednesday,
            List<Shift> thursday,
            List<Shift> friday,
            List<Shift> saturday,
            List<Shift> sunday) {}

    /** {@code from} and {@code to} as HH:MM of the local clock. */
    record Shift(
            String from,
            String to,
            @Quantity(value = POWER, min = 0) double power) {}

    /** {@code from} and {@code to} as MM-DD (every year) or YYYY-MM-DD. */
    record CompanyHoliday(String name, String from, String to) {}

    /** A CSV series: a load, PV or the ambient temperature. */
    interface Trace {
        String file();

        String format();

        String column();

        String unit();

        String resample();

        /** Moved to {@link #resample()}; reported when given. */
        String interpolation();

        String gaps();

        Double gapLimit();

        List<String> header();

        String timeColumn();

        String encoding();

        String labels();

        double scale();

        boolean repeat();
    }

    record CsvLoad(
            String name,
            String file,
            String format,
            String column,
            String unit,
            String resample,
            String interpolation,
            String gaps,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double gapLimit,

            List<String> header,
            String timeColumn,
            String encoding,
            String labels,
            double scale,
            boolean repeat,
            Integer gpus,
            long nodes,
            @Quantity(value = DURATION, min = 0) double desynchronise,
            long seed)
            implements Load, Trace {}

    record AiCampus(
            String name,
            long seed,
            boolean synchronised,
            GpuSmoothing gpuSmoothing,
            List<Job> training,
            Inference inference,
            Facility facility)
            implements Load {}

    /** {@code ecoCute}: true, false or a mapping; read by {@link HouseholdSection}. */
    record Household(
            String name,
            String preset,

            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            double annual,

            JsonNode ecoCute,
            Ev ev)
            implements Load {}

    /** {@code ecoCute} as a mapping. */
    record EcoCute(
            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            Double annual) {}

    record Ev(
            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            double daily,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double power,

            String start) {}

    record GpuSmoothing(
            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a power floor")
            double floor,

            @Quantity(value = POWER_RATE, min = 0, aboveMin = true)
            Double ramp) {}

    record Job(
            String name,
            int gpus,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double gpuPower,

            @Quantity(value = POWER, min = 0) double hostPower,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a communication-phase power")
            double communicationPower,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an idle power")
            double idlePower,

            @Quantity(value = DURATION, min = 0.001) // a step costs work per iteration: 1 ms bounds it
            double iterationPeriod,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "a jitter")
            double jitter,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "a compute share")
            double computeShare,

            @Quantity(value = DURATION, min = 0) Double phaseOffset,

            @Quantity(value = FRACTION, min = -0.5, max = 0.5, meaning = "a period drift")
            Double periodDrift,

            Checkpoint checkpoint,
            @Quantity(value = DURATION, min = 0) double start,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double stop,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double ramp,

            Failures failures) {}

    record Checkpoint(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double every,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double duration,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a checkpoint power")
            double power) {}

    record Failures(
            double perDay,
            @Quantity(value = DURATION, min = 0) double restartAfter) {}

    record Inference(
            @Quantity(value = POWER, min = 0) double base,
            double[] daily,
            double weekendFactor,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "noise (standard deviation over load)")
            double noise) {}

    record Facility(
            List<PuePoint> pue,
            @Quantity(value = POWER, min = 0) double fixed,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double lag) {}

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record PuePoint(
            @Quantity(TEMPERATURE) double ambient,
            @Quantity(NUMBER) double pue) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ClearSky.class, name = "clear-sky"),
        @JsonSubTypes.Type(value = CsvPv.class, name = "csv"),
        @JsonSubTypes.Type(value = WeatherPv.class, name = "weather"),
        @JsonSubTypes.Type(value = ClimatePv.class, name = "climate")
    })
    sealed interface Pv permits ClearSky, CsvPv, WeatherPv, ClimatePv {}

    record ClearSky(@Quantity(value = POWER, min = 0) double peak) implements Pv {}

    record CsvPv(
            String file,
            String format,
            String column,
            String unit,
            String resample,
            String interpolation,
            String gaps,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double gapLimit,

            List<String> header,
            String timeColumn,
            String encoding,
            String labels,
            double scale,
            boolean repeat)
            implements Pv, Trace {}

    /** PV from an hourly weather file: irradiance and air temperature columns by header name. */
    record WeatherPv(
            String file,
            String ghi,
            String dni,
            String dhi,
            String poa,
            String temperature,
            String encoding,
            String labels,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double dc,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double ac,

            double tilt,
            double azimuth,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an albedo")
            double albedo,

            @Quantity(value = FRACTION, min = -0.02, max = 0, meaning = "a temperature coefficient per °C")
            double gamma,

            @Quantity(value = FRACTION, min = 0, max = 0.99, meaning = "a loss")
            double losses)
            implements Pv {}

    /** PV of a typical year from a built-in climate's monthly normals: the array as for weather PV. */
    record ClimatePv(
            String climate,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double dc,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double ac,

            double tilt,
            double azimuth,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an albedo")
            double albedo,

            @Quantity(value = FRACTION, min = -0.02, max = 0, meaning = "a temperature coefficient per °C")
            double gamma,

            @Quantity(value = FRACTION, min = 0, max = 0.99, meaning = "a loss")
            double losses)
            implements Pv {}

    record Battery(
            String preset,
            String name,

            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            double energy,

            @Quantity(value = POWER, min = 0) Double power,
            @Quantity(value = POWER, min = 0) Double chargePower,
            @Quantity(value = POWER, min = 0) Double dischargePower,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "an efficiency")
            Double roundTripEfficiency,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "an efficiency")
            Double chargeEfficiency,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "an efficiency")
            Double dischargeEfficiency,

            List<FractionPoint> pcsEfficiency,
            Taper taper,
            CRate maxCRate,
            Soc soc,
            String auxiliaryLoad,
            Thermal thermal,
            VoltageModel voltageModel,
            Aging aging) {}

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record FractionPoint(
            @Quantity(FRACTION) double x,
            @Quantity(FRACTION) double y) {}

    record Taper(List<FractionPoint> charge, List<FractionPoint> discharge) {}

    record CRate(Double charge, Double discharge) {}

    record Soc(
            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double min,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double max,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double initial) {}

    /** {@code auxiliaryLoad} given as a percentage of the discharge rating. */
    record AuxiliaryShare(
            @Quantity(
                    value = FRACTION,
                    min = 0,
                    max = 0.2,
                    meaning = "an auxiliary load given in % of the discharge rating")
            double auxiliaryLoad) {}

    /** {@code auxiliaryLoad} given as a power. */
    record AuxiliaryPower(@Quantity(value = POWER, min = 0) double auxiliaryLoad) {}

    record Thermal(
            @Quantity(value = HEAT_CAPACITY, min = 0, aboveMin = true)
            double heatCapacityPerMwh,

            @Quantity(value = THERMAL_CONDUCTANCE, min = 0, aboveMin = true)
            double conductancePerMwh,

            @Quantity(TEMPERATURE) double coolingAbove,
            @Quantity(TEMPERATURE) double heatingBelow,
            double coolingCop,
            double heatingCop,
            @Quantity(TEMPERATURE) double initial) {}

    record VoltageModel(String cell, int seriesCells) {}

    record Aging(
            String model,
            List<LifeRow> lifeTable,
            Calendar calendar,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "an end-of-life SOH")
            double endOfLife,

            Augmentation augmentation) {}

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record LifeRow(
            @Quantity(FRACTION) double depth,
            @Quantity(NUMBER) double cycles,
            @Quantity(FRACTION) double capacity) {}

    record Calendar(
            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "a calendar loss")
            double lossAfterOneYear,

            @Quantity(TEMPERATURE) double at,

            @Quantity(value = TEMPERATURE, min = 0, aboveMin = true)
            double doublesEvery) {}

    record Augmentation(
            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOH")
            double whenSohBelow,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double every) {}

    record Ambient(
            @Quantity(TEMPERATURE) Double temperature,
            String climate,
            String file,
            String column,
            String resample,
            String interpolation,
            String gaps,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double gapLimit,

            List<String> header,
            String timeColumn,
            String encoding,
            String labels,
            double scale,
            boolean repeat)
            implements Trace {
        @Override
        public String unit() {
            return null; // degrees Celsius, as the file says
        }

        @Override
        public String format() {
            return "values";
        }
    }

    record Study(
            String start,
            int years,
            String yearMode,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double step,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double duration,

            String end) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Stack.class, name = StrategySpec.Stack.TYPE),
        @JsonSubTypes.Type(value = PeakShaving.class, name = StrategySpec.PeakShaving.TYPE),
        @JsonSubTypes.Type(value = Idle.class, name = StrategySpec.Idle.TYPE)
    })
    sealed interface Strategy permits Stack, PeakShaving, Idle {}

    record Stack(
            @Quantity(value = POWER_RATE, min = 0, aboveMin = true)
            Double pcsRamp,

            List<Layer> controllers) implements Strategy {}

    /** {@code control:}, every field optional; {@link ControlSection} fills the defaults. */
    record Control(
            Period supervisory,
            FastLoop fast,
            @Quantity(value = DURATION, min = 0) Double meterDelay,
            @Quantity(value = DURATION, min = 0) Double commandDelay,
            Converter converter) {}

    record Period(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double period) {}

    record FastLoop(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double period,

            String host) {}

    record Converter(
            @Quantity(value = DURATION, min = 0) Double timeConstant,

            @Quantity(value = POWER_RATE, min = 0, aboveMin = true)
            Double ramp) {}

    record PeakShaving(
            @Quantity(value = POWER, min = 0) double dischargeAbove,
            @Quantity(value = POWER, min = 0) double chargeBelow)
            implements Strategy {}

    record Idle() implements Strategy {}

    /** One controller of a stack, as written; {@link StackSection} makes the {@link StrategySpec.Layer}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = BackupReserve.class, name = StrategySpec.BackupReserve.TYPE),
        @JsonSubTypes.Type(value = LoadDropAbsorber.class, name = StrategySpec.LoadDropAbsorber.TYPE),
        @JsonSubTypes.Type(value = GridCodeSmoothing.class, name = StrategySpec.GridCodeSmoothing.TYPE),
        @JsonSubTypes.Type(value = FrequencyResponse.class, name = StrategySpec.FrequencyResponse.TYPE),
        @JsonSubTypes.Type(value = DemandLimiter.class, name = StrategySpec.DemandLimiter.TYPE),
        @JsonSubTypes.Type(value = Schedule.class, name = StrategySpec.Schedule.TYPE),
        @JsonSubTypes.Type(value = Mpc.class, name = StrategySpec.Mpc.TYPE),
        @JsonSubTypes.Type(value = SelfConsumption.class, name = StrategySpec.SelfConsumption.TYPE),
        @JsonSubTypes.Type(value = Manual.class, name = StrategySpec.Manual.TYPE),
        @JsonSubTypes.Type(value = Fleet.class, name = StrategySpec.Fleet.TYPE)
    })
    sealed interface Layer
            permits BackupReserve,
                    LoadDropAbsorber,
                    GridCodeSmoothing,
                    FrequencyResponse,
                    DemandLimiter,
                    Schedule,
                    Mpc,
                    SelfConsumption,
                    Manual,
                    Fleet {}

    record BackupReserve(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            double criticalLoad,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double duration)
            implements Layer {}

    record LoadDropAbsorber(
            @Quantity(value = POWER_RATE, min = 0, aboveMin = true)
            double maxDrop) implements Layer {}

    record GridCodeSmoothing(
            @Quantity(value = POWER_RATE, min = 0, aboveMin = true)
            double maxRamp,

            @Quantity(value = POWER, min = 0) double tolerance,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double filter,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double socTarget,

            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "an SOC band")
            double socBand,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double socRecovery)
            implements Layer {}

    record FrequencyResponse(
            @Quantity(value = dev.chikuden.units.Dimension.FREQUENCY, min = 0)
            double deadband,

            @Quantity(value = FRACTION, min = 0, max = 1, aboveMin = true, meaning = "a droop")
            double droop,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double reserved)
            implements Layer {}

    record DemandLimiter(
            @Quantity(value = FRACTION, min = 0, max = 0.5, meaning = "a margin below the contract")
            Double margin,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            Double target,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double rechargeSoc,

            @Quantity(value = POWER, min = 0) Double maxRecharge)
            implements Layer {}

    record Schedule(String file, String of) implements Layer {}

    record Mpc(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double horizon,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double every,

            String forecast,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a noise level")
            double noise,

            long seed,
            String prices)
            implements Layer {}

    record SelfConsumption(GridCharge gridCharge) implements Layer {}

    /** {@code from} and {@code to} are local "HH:mm", checked by the schema. */
    record GridCharge(
            String from,
            String to,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            double upTo) {}

    record Manual() implements Layer {}

    record Fleet() implements Layer {}

    record Output(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double step,

            String language) {}

    record GridCode(String rules) {}

    record Compare(GpuSmoothing gpuSmoothing) {}

    record Optimize(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            double step,

            String solver,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an SOC")
            Double terminalSoc,

            String degradationCost) {}

    record Markets(List<Balancing> balancing, Capacity capacity, LongTermAuction longTermAuction) {}

    record Balancing(
            String product,
            Double price,
            double[] blockPrices,
            PriceFile prices,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "an activation share")
            double activation,

            double activationPrice,

            @Quantity(value = POWER, min = 0) Double max,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double duration) {}

    record PriceFile(String file, String area) {}

    record Capacity(
            double price,
            String contracted,
            List<LocalDate> tightDays,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a share of days")
            Double tightDayShare,

            String window) {}

    record LongTermAuction(
            double price,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a share of revenue")
            double returnShare) {}

    record Finance(
            double capexYenPerKwh,
            double capexYenPerKw,
            double fixedOmYenPerKwYear,
            Double replacementYenPerKwh,

            @Quantity(value = FRACTION, min = -0.5, max = 1, meaning = "a discount rate")
            double discountRate,

            int years,

            @Quantity(value = FRACTION, min = 0, max = 1, meaning = "a share of the capex")
            double salvage) {}

    /** {@code sizing.power} and {@code .energy}: each a list or a {@link PowerRange}, read by {@link PlanningSection}. */
    record Sizing(JsonNode power, JsonNode energy) {}

    record PowerRange(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            double from,

            @Quantity(value = POWER, min = 0, aboveMin = true)
            double to,

            int steps) {}

    record EnergyRange(
            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            double from,

            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            double to,

            int steps) {}

    record PowerList(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            List<Double> power) {}

    record EnergyList(
            @Quantity(value = ENERGY, min = 0, aboveMin = true)
            List<Double> energy) {}

    record Outage(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            double criticalLoad,

            @Quantity(DURATION) List<Double> durations) {}
}

package dev.chikuden.openadr;

import java.util.List;

/**
 * Everything the VTN asks for now and later, as of one poll: the listener replaces what it holds with
 * this. An event modified on the VTN shows here as its new instructions; an event deleted, or whose
 * intervals have all passed, is simply absent.
 */
public record InstructionSet(List<Instruction> instructions, List<Skipped> skipped) {
    public static final InstructionSet EMPTY = new InstructionSet(List.of(), List.of());

    public InstructionSet {
        instructions = List.copyOf(instructions);
        skipped = List.copyOf(skipped);
    }
}

package org.perfbridge.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every setting is created with its default by the install script, removed by the remove script, and in the README's table. */
class SettingDocumentationTest {

    private static final Path PROJECT = Path.of("..");

    private static String read(String file) throws IOException {
        return Files.readString(PROJECT.resolve(file));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void installScriptCreatesTheSettingAsItsVariableElseItsDefault(Setting setting) throws IOException {
        String line = "/system-property=" + setting.propertyName() + ":add(value=\"${env." + setting.environmentName() + ":"
                + setting.defaultValue() + "}\")";

        assertTrue(read("config/install-standalone.cli").contains(line), line);
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void removeScriptRemovesTheSetting(Setting setting) throws IOException {
        String line = "/system-property=" + setting.propertyName() + ":remove";

        assertTrue(read("config/remove-standalone.cli").contains(line), line);
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void readmeTableNamesTheSettingItsVariableAndItsDefault(Setting setting) throws IOException {
        String defaultValue = setting.defaultValue().isEmpty() ? "empty" : "`" + setting.defaultValue() + "`";
        String row = "| `" + setting.propertyName() + "` | `" + setting.environmentName() + "` | " + defaultValue + " |";

        assertTrue(read("README.md").contains(row), row);
    }
}
